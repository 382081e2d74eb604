import type { ProjectKeyDetail } from "@cleanup/shared";
import { DateTime } from "@/components/date-time";
import { PageTitle } from "@/components/page-title";
import { StatGrid } from "@/components/stat-grid";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";
import { type ProjectKeyRef, useProjectKey } from "../api/get-project-key";

function lastActivity(key: ProjectKeyDetail): string {
  return [key.createdAt, ...key.deployments.map((d) => d.deployedAt), ...key.jwks.map((j) => j.createdAt)]
    .sort()
    .at(-1) as string;
}

function Identifiers({ data }: { data: ProjectKeyDetail }) {
  return (
    <Card aria-labelledby="key-identifiers">
      <CardHeader>
        <CardTitle id="key-identifiers">Identifiers</CardTitle>
      </CardHeader>
      <CardContent>
        <DescriptionList className="lg:grid-cols-2">
          <DescriptionItem term="Project">
            <code>{data.projectName}</code>
          </DescriptionItem>
          <DescriptionItem term="Key">
            <code>{data.keyName}</code>
          </DescriptionItem>
          <DescriptionItem term="Id (project/key)">
            <code className="select-all">
              {data.projectName}/{data.keyName}
            </code>
          </DescriptionItem>
          <DescriptionItem term="Created">
            <DateTime iso={data.createdAt} />
          </DescriptionItem>
          <DescriptionItem term="Last activity">
            <DateTime iso={lastActivity(data)} />
          </DescriptionItem>
        </DescriptionList>
      </CardContent>
    </Card>
  );
}

function Deployments({ data }: { data: ProjectKeyDetail }) {
  return (
    <Card aria-labelledby="key-deployments">
      <CardHeader>
        <div className="grid gap-1">
          <CardTitle id="key-deployments">Deployments</CardTitle>
          <CardDescription>The deletion undeploys the key from each of these first.</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        {data.deployments.length === 0 ? (
          <p className="text-sm text-muted-foreground">Not deployed anywhere.</p>
        ) : (
          <Table aria-label="Deployments">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Environment</TableHead>
                <TableHead scope="col">Deployed</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.deployments.map((d) => (
                <TableRow key={d.environmentName}>
                  <TableCell className="font-medium">{d.environmentName}</TableCell>
                  <TableCell>
                    <DateTime iso={d.deployedAt} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

function Jwks({ data }: { data: ProjectKeyDetail }) {
  return (
    <Card aria-labelledby="key-jwks">
      <CardHeader>
        <div className="grid gap-1">
          <CardTitle id="key-jwks">JWKs created from this key</CardTitle>
          <CardDescription>NULLIFY clears their reference to the key; DELETE deletes them.</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        {data.jwks.length === 0 ? (
          <p className="text-sm text-muted-foreground">No JWKs reference this key.</p>
        ) : (
          <Table aria-label="JWKs">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">kid</TableHead>
                <TableHead scope="col">Created</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.jwks.map((j) => (
                <TableRow key={j.kid}>
                  <TableCell>
                    <code className="text-xs">{j.kid}</code>
                  </TableCell>
                  <TableCell>
                    <DateTime iso={j.createdAt} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

/** A project's secret key: its JWKs and where it is deployed. */
export function ProjectKeyOverview({ environment, keyRef }: { environment: string; keyRef: ProjectKeyRef }) {
  const { data } = useProjectKey(environment, keyRef);
  return (
    <div className="grid gap-4">
      <StatGrid
        label="Project key counts"
        items={[
          ["JWKs", formatNumber(data.jwkCount)],
          ["Deployments", formatNumber(data.deployments.length)],
        ]}
      />
      <Identifiers data={data} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Deployments data={data} />
        <Jwks data={data} />
      </div>
    </div>
  );
}

export function ProjectKeyTitle({ keyRef }: { keyRef: ProjectKeyRef }) {
  return (
    <PageTitle eyebrow="Project key">
      {keyRef.projectName}/{keyRef.keyName}
    </PageTitle>
  );
}
