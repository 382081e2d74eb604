import type { HubDetail } from "@cleanup/shared";
import { Link } from "@tanstack/react-router";
import { Wifi, WifiOff } from "lucide-react";
import { DateTime } from "@/components/date-time";
import { PageTitle } from "@/components/page-title";
import { SectionCard } from "@/components/section-card";
import { StatGrid } from "@/components/stat-grid";
import { Badge } from "@/components/ui/badge";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { formatBytes, formatNumber } from "@/lib/format";
import { useHub } from "../api/get-hub";

function Identifiers({ hub }: { hub: HubDetail }) {
  return (
    <SectionCard title="Identifiers">
      <DescriptionList className="lg:grid-cols-2">
        <DescriptionItem term="Hub id (UUID)" className="sm:col-span-2">
          <code className="text-xs select-all">{hub.hubId}</code>
        </DescriptionItem>
        <DescriptionItem term="Name">{hub.name}</DescriptionItem>
        <DescriptionItem term="Created">
          <DateTime iso={hub.createdAt} />
        </DescriptionItem>
      </DescriptionList>
    </SectionCard>
  );
}

function State({ hub }: { hub: HubDetail }) {
  const { state } = hub;
  return (
    <SectionCard
      title="State"
      description={`Replayed from the hub's events (version ${state.version}).`}
      aside={
        <Badge variant={state.online ? "success" : "secondary"}>
          {state.online ? <Wifi aria-hidden="true" /> : <WifiOff aria-hidden="true" />}
          {state.online ? "Online" : "Offline"}
        </Badge>
      }
    >
      <DescriptionList className="lg:grid-cols-2">
        <DescriptionItem term="Firmware">{state.firmwareVersion ?? "unknown"}</DescriptionItem>
        <DescriptionItem term="Last seen">
          <DateTime iso={state.lastSeenAt} />
        </DescriptionItem>
        <DescriptionItem term="Events">
          {formatNumber(hub.eventCount)}{" "}
          <span className="text-muted-foreground">({formatBytes(hub.eventBytes)})</span>
        </DescriptionItem>
        <DescriptionItem term="Last activity">
          <DateTime iso={hub.lastEventAt} />
        </DescriptionItem>
      </DescriptionList>
    </SectionCard>
  );
}

function PairedLocks({ environment, hub }: { environment: string; hub: HubDetail }) {
  const locks = hub.state.pairedLocks;
  return (
    <SectionCard
      title="Paired locks"
      description={`${formatNumber(hub.lockCount)} lock(s) name this hub. They are separate aggregates and stay when the hub is deleted.`}
    >
      {locks.length === 0 ? (
        <p className="text-sm text-muted-foreground">No paired locks.</p>
      ) : (
        <ul className="grid gap-1 sm:grid-cols-2" aria-label="Paired locks">
          {locks.map((uuid) => (
            <li key={uuid}>
              <Link
                to="/$env/locks/$lockId"
                params={{ env: environment, lockId: uuid }}
                className="rounded font-mono text-xs text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
              >
                {uuid}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}

/** Everything the console knows about one hub, from its replayed aggregate and D1. */
export function HubOverview({ environment, hubId }: { environment: string; hubId: string }) {
  const { data: hub } = useHub(environment, hubId);
  return (
    <div className="grid gap-4">
      <StatGrid
        label="Hub counts"
        items={[
          ["Events", formatNumber(hub.eventCount)],
          ["Event bytes", formatBytes(hub.eventBytes)],
          ["Paired locks", formatNumber(hub.lockCount)],
          ["State version", formatNumber(hub.state.version)],
        ]}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Identifiers hub={hub} />
        <State hub={hub} />
      </div>
      <PairedLocks environment={environment} hub={hub} />
    </div>
  );
}

export function HubTitle({ environment, hubId }: { environment: string; hubId: string }) {
  const { data: hub } = useHub(environment, hubId);
  return <PageTitle eyebrow="Hub">{hub.name}</PageTitle>;
}
