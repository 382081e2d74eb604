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

const linkClass =
  "rounded text-primary underline decoration-primary/40 underline-offset-4 outline-none hover:decoration-primary focus-visible:ring-[3px] focus-visible:ring-ring/50";

function PairedLocks({ environment, hub }: { environment: string; hub: HubDetail }) {
  // The locks paired now (D1, with names); an older api only gives the UUIDs its events named.
  const locks = hub.locks ?? hub.state.pairedLocks.map((uuid) => ({ uuid, lockId: null, name: null }));
  const current = new Set(locks.map((l) => l.uuid));
  const gone = hub.locks ? hub.state.pairedLocks.filter((uuid) => !current.has(uuid)).length : 0;
  return (
    <SectionCard
      title="Paired locks"
      description={`${formatNumber(locks.length)} lock(s) are paired with this hub. They are separate aggregates and stay when the hub is deleted.`}
    >
      {locks.length === 0 ? (
        <p className="text-sm text-muted-foreground">No paired locks.</p>
      ) : (
        <ul className="grid gap-1 sm:grid-cols-2" aria-label="Paired locks">
          {locks.map((lock) => (
            <li key={lock.uuid} className="min-w-0">
              <Link
                to="/$env/locks/$lockId"
                params={{ env: environment, lockId: lock.lockId === null ? lock.uuid : String(lock.lockId) }}
                className={`${linkClass} inline-flex max-w-full items-baseline gap-2`}
              >
                {lock.name === null ? (
                  <span className="font-mono text-xs">{lock.uuid}</span>
                ) : (
                  <>
                    <span className="truncate font-medium">{lock.name}</span>
                    <span className="shrink-0 font-mono text-xs text-muted-foreground">#{lock.lockId}</span>
                  </>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {gone > 0 && (
        <p className="mt-3 text-xs text-muted-foreground">
          The hub's own events also name {formatNumber(gone)} lock(s) that have since been deleted.
        </p>
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
          ["Paired locks", formatNumber(hub.locks?.length ?? hub.lockCount)],
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
