import type { OrganizationDetail } from "@cleanup/shared";
import { DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageTitle } from "@/components/page-title";
import { SectionCard } from "@/components/section-card";
import { StatGrid } from "@/components/stat-grid";
import { Badge } from "@/components/ui/badge";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { TableCell } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";
import { useOrganization } from "../api/get-organization";

function newest(org: OrganizationDetail): string | null {
  return org.keys.reduce<string | null>((a, k) => (a === null || k.createdAt > a ? k.createdAt : a), null);
}

function Identifiers({ org }: { org: OrganizationDetail }) {
  return (
    <SectionCard title="Identifiers">
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
    </SectionCard>
  );
}

function Members({ org }: { org: OrganizationDetail }) {
  return (
    <SectionCard title="Members" description="OWNER and ADMINISTRATOR may delete the keys themselves.">
      <DataTable
        aria-label="Members"
        columns={["Email", "Role"]}
        rows={org.members}
        rowKey={(m) => m.email}
        emptyNote="No members."
      >
        {(m) => (
          <>
            <TableCell className="[overflow-wrap:anywhere]">{m.email}</TableCell>
            <TableCell>
              <Badge variant={m.role === "MEMBER" ? "outline" : "secondary"}>{m.role}</Badge>
            </TableCell>
          </>
        )}
      </DataTable>
    </SectionCard>
  );
}

function Keys({ org }: { org: OrganizationDetail }) {
  return (
    <SectionCard title="Organization keys" description="Key pairs the organization's nodes sign with.">
      <DataTable
        aria-label="Organization keys"
        columns={["Key id", "Created", { label: "Nodes", numeric: true }]}
        rows={org.keys}
        rowKey={(k) => k.id}
        emptyNote="No organization keys."
      >
        {(k) => (
          <>
            <TableCell>
              <code className="text-xs">{k.id}</code>
            </TableCell>
            <TableCell>
              <DateTime iso={k.createdAt} />
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatNumber(k.nodeCount)}</TableCell>
          </>
        )}
      </DataTable>
    </SectionCard>
  );
}

function Nodes({ org }: { org: OrganizationDetail }) {
  return (
    <SectionCard title="Nodes" description="A node whose keys are deleted must re-register.">
      <DataTable
        aria-label="Nodes"
        columns={["Node", "Name", "Keys"]}
        rows={org.nodes}
        rowKey={(n) => n.id}
        emptyNote="No nodes."
      >
        {(n) => (
          <>
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
          </>
        )}
      </DataTable>
    </SectionCard>
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
