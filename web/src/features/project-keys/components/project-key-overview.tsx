import type { ProjectKeyDetail } from "@cleanup/shared";
import { DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageTitle } from "@/components/page-title";
import { SectionCard } from "@/components/section-card";
import { StatGrid } from "@/components/stat-grid";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { TableCell } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";
import { type ProjectKeyRef, useProjectKey } from "../api/get-project-key";

function lastActivity(key: ProjectKeyDetail): string {
  return [key.createdAt, ...key.deployments.map((d) => d.deployedAt), ...key.jwks.map((j) => j.createdAt)]
    .sort()
    .at(-1) as string;
}

function Identifiers({ data }: { data: ProjectKeyDetail }) {
  return (
    <SectionCard title="Identifiers">
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
    </SectionCard>
  );
}

function Deployments({ data }: { data: ProjectKeyDetail }) {
  return (
    <SectionCard title="Deployments" description="The deletion undeploys the key from each of these first.">
      <DataTable
        aria-label="Deployments"
        columns={["Environment", "Deployed"]}
        rows={data.deployments}
        rowKey={(d) => d.environmentName}
        emptyNote="Not deployed anywhere."
      >
        {(d) => (
          <>
            <TableCell className="font-medium">{d.environmentName}</TableCell>
            <TableCell>
              <DateTime iso={d.deployedAt} />
            </TableCell>
          </>
        )}
      </DataTable>
    </SectionCard>
  );
}

function Jwks({ data }: { data: ProjectKeyDetail }) {
  return (
    <SectionCard
      title="JWKs created from this key"
      description="NULLIFY clears their reference to the key; DELETE deletes them."
    >
      <DataTable
        aria-label="JWKs"
        columns={["kid", "Created"]}
        rows={data.jwks}
        rowKey={(j) => j.kid}
        emptyNote="No JWKs reference this key."
      >
        {(j) => (
          <>
            <TableCell>
              <code className="text-xs">{j.kid}</code>
            </TableCell>
            <TableCell>
              <DateTime iso={j.createdAt} />
            </TableCell>
          </>
        )}
      </DataTable>
    </SectionCard>
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
