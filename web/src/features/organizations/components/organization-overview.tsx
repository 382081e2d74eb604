import type { OrganizationDetail } from "@cleanup/shared";
import { DateTime } from "@/components/date-time";
import { PageTitle } from "@/components/page-title";
import { StatGrid } from "@/components/stat-grid";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";
import { useOrganization } from "../api/get-organization";

function newest(org: OrganizationDetail): string | null {
  return org.keys.reduce<string | null>((a, k) => (a === null || k.createdAt > a ? k.createdAt : a), null);
}

function Identifiers({ org }: { org: OrganizationDetail }) {
  return (
    <Card aria-labelledby="org-identifiers">
      <CardHeader>
        <CardTitle id="org-identifiers">Identifiers</CardTitle>
      </CardHeader>
      <CardContent>
        <DescriptionList className="lg:grid-cols-2">
          <DescriptionItem term="Organization id">
            <code className="select-all">{org.idOrg}</code>
          </DescriptionItem>
          <DescriptionItem term="Name">{org.name}</DescriptionItem>
          <DescriptionItem term="Last key created">
            <DateTime iso={newest(org)} />
          </DescriptionItem>
          <DescriptionItem term="API keys (kept)">{formatNumber(org.apiKeyCount)}</DescriptionItem>
        </DescriptionList>
      </CardContent>
    </Card>
  );
}

function Members({ org }: { org: OrganizationDetail }) {
  return (
    <Card aria-labelledby="org-members">
      <CardHeader>
        <div className="grid gap-1">
          <CardTitle id="org-members">Members</CardTitle>
          <CardDescription>OWNER and ADMINISTRATOR may delete the keys themselves.</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        {org.members.length === 0 ? (
          <p className="text-sm text-muted-foreground">No members.</p>
        ) : (
          <Table aria-label="Members">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Email</TableHead>
                <TableHead scope="col">Role</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {org.members.map((m) => (
                <TableRow key={m.email}>
                  <TableCell className="[overflow-wrap:anywhere]">{m.email}</TableCell>
                  <TableCell>
                    <Badge variant={m.role === "MEMBER" ? "outline" : "secondary"}>{m.role}</Badge>
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

function Keys({ org }: { org: OrganizationDetail }) {
  return (
    <Card aria-labelledby="org-keys">
      <CardHeader>
        <div className="grid gap-1">
          <CardTitle id="org-keys">Organization keys</CardTitle>
          <CardDescription>Key pairs the organization's nodes sign with.</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        {org.keys.length === 0 ? (
          <p className="text-sm text-muted-foreground">No organization keys.</p>
        ) : (
          <Table aria-label="Organization keys">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Key id</TableHead>
                <TableHead scope="col">Created</TableHead>
                <TableHead scope="col" className="text-right">
                  Nodes
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {org.keys.map((k) => (
                <TableRow key={k.id}>
                  <TableCell>
                    <code className="text-xs">{k.id}</code>
                  </TableCell>
                  <TableCell>
                    <DateTime iso={k.createdAt} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatNumber(k.nodeCount)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

function Nodes({ org }: { org: OrganizationDetail }) {
  return (
    <Card aria-labelledby="org-nodes">
      <CardHeader>
        <div className="grid gap-1">
          <CardTitle id="org-nodes">Nodes</CardTitle>
          <CardDescription>A node whose keys are deleted must re-register.</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        {org.nodes.length === 0 ? (
          <p className="text-sm text-muted-foreground">No nodes.</p>
        ) : (
          <Table aria-label="Nodes">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Node</TableHead>
                <TableHead scope="col">Name</TableHead>
                <TableHead scope="col">Keys</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {org.nodes.map((n) => (
                <TableRow key={n.id}>
                  <TableCell>
                    <code className="text-xs">{n.id}</code>
                  </TableCell>
                  <TableCell>{n.name}</TableCell>
                  <TableCell className="font-mono text-xs">
                    {n.keyIds.length === 0 ? (
                      <span className="text-muted-foreground">none</span>
                    ) : (
                      n.keyIds.join(", ")
                    )}
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

/** An organization's members, keys and nodes, from D1. */
export function OrganizationOverview({ environment, idOrg }: { environment: string; idOrg: string }) {
  const { data: org } = useOrganization(environment, idOrg);
  return (
    <div className="grid gap-4">
      <StatGrid
        label="Organization counts"
        items={[
          ["Organization keys", formatNumber(org.keyCount)],
          ["Nodes", formatNumber(org.nodeCount)],
          ["API keys", formatNumber(org.apiKeyCount)],
          ["Members", formatNumber(org.members.length)],
        ]}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Identifiers org={org} />
        <Members org={org} />
        <Keys org={org} />
        <Nodes org={org} />
      </div>
    </div>
  );
}

export function OrganizationTitle({ environment, idOrg }: { environment: string; idOrg: string }) {
  const { data: org } = useOrganization(environment, idOrg);
  return (
    <PageTitle eyebrow="Organization">
      {org.name} <span className="text-muted-foreground">· {org.idOrg}</span>
    </PageTitle>
  );
}
