import type { LockDetail } from "@cleanup/shared";
import { Link } from "@tanstack/react-router";
import { Battery, KeyRound, Lock, LockOpen } from "lucide-react";
import { DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { SectionCard } from "@/components/section-card";
import { Badge } from "@/components/ui/badge";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { TableCell } from "@/components/ui/table";
import { formatBytes, formatNumber } from "@/lib/format";
import { useLock } from "../api/get-lock";

function Identifiers({ environment, lock }: { environment: string; lock: LockDetail }) {
  return (
    <SectionCard title="Identifiers">
      <DescriptionList>
        <DescriptionItem term="Lock id">
          <code className="select-all">{lock.lockId}</code>
        </DescriptionItem>
        <DescriptionItem term="UUID">
          <code className="text-xs select-all">{lock.uuid}</code>
        </DescriptionItem>
        <DescriptionItem term="Name">{lock.name}</DescriptionItem>
        <DescriptionItem term="Hub">
          {lock.hubId ? (
            <Link
              to="/$env/hubs/$hubId"
              params={{ env: environment, hubId: lock.hubId }}
              className="rounded font-mono text-xs text-primary underline underline-offset-4 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              {lock.hubId}
            </Link>
          ) : (
            "none"
          )}
        </DescriptionItem>
        <DescriptionItem term="Created">
          <DateTime iso={lock.createdAt} />
        </DescriptionItem>
      </DescriptionList>
    </SectionCard>
  );
}

function State({ lock }: { lock: LockDetail }) {
  const { state } = lock;
  return (
    <SectionCard
      title="State"
      description={`Replayed from the lock's events (version ${state.version}).`}
      aside={
        <Badge variant={state.locked ? "secondary" : "warning"}>
          {state.locked ? <Lock aria-hidden="true" /> : <LockOpen aria-hidden="true" />}
          {state.locked ? "Locked" : "Unlocked"}
        </Badge>
      }
    >
      <DescriptionList>
        <DescriptionItem term="Battery">
          {state.batteryLevel === null ? (
            "unknown"
          ) : (
            <span className="inline-flex items-center gap-1">
              <Battery aria-hidden="true" className="size-4" />
              {state.batteryLevel}%
            </span>
          )}
        </DescriptionItem>
        <DescriptionItem term="Firmware">{state.firmwareVersion ?? "unknown"}</DescriptionItem>
        <DescriptionItem term="Last actor">{state.lastActor ?? "none"}</DescriptionItem>
        <DescriptionItem term="Events">
          {formatNumber(lock.eventCount)}{" "}
          <span className="text-muted-foreground">({formatBytes(lock.eventBytes)})</span>
        </DescriptionItem>
        <DescriptionItem term="Last activity">
          <DateTime iso={lock.lastEventAt} />
        </DescriptionItem>
        <DescriptionItem term="Key holders (state)">
          {state.keyHolders.length === 0 ? "none" : state.keyHolders.join(", ")}
        </DescriptionItem>
      </DescriptionList>
    </SectionCard>
  );
}

function Keys({ lock }: { lock: LockDetail }) {
  return (
    <SectionCard
      title="Keys"
      description={`${formatNumber(lock.keyAssignmentCount)} key assignments, ${formatNumber(lock.tempKeyCount)} temp keys`}
      aside={<KeyRound aria-hidden="true" className="size-4 text-muted-foreground" />}
    >
      <DataTable
        aria-label="Key assignments"
        columns={["User", "Role", "Assigned"]}
        rows={lock.keyAssignments}
        rowKey={(k) => k.id}
        emptyNote="No key assignments."
      >
        {(k) => (
          <>
            <TableCell>{k.userEmail ?? <code className="text-xs">{k.userId}</code>}</TableCell>
            <TableCell>
              <Badge variant="outline">{k.role}</Badge>
            </TableCell>
            <TableCell>
              <DateTime iso={k.createdAt} />
            </TableCell>
          </>
        )}
      </DataTable>
      {lock.keyAssignments.length < lock.keyAssignmentCount && (
        <p className="mt-2 text-xs text-muted-foreground">
          Showing {lock.keyAssignments.length} of {formatNumber(lock.keyAssignmentCount)}.
        </p>
      )}
    </SectionCard>
  );
}

/** Everything the console knows about one lock, from the api's replayed aggregate and D1. */
export function LockOverview({ environment, lockId }: { environment: string; lockId: string }) {
  const { data: lock } = useLock(environment, lockId);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Identifiers environment={environment} lock={lock} />
      <State lock={lock} />
      <div className="lg:col-span-2">
        <Keys lock={lock} />
      </div>
    </div>
  );
}

export function LockTitle({ environment, lockId }: { environment: string; lockId: string }) {
  const { data: lock } = useLock(environment, lockId);
  return (
    <h1 className="text-2xl font-semibold tracking-tight">
      Lock {lock.lockId} <span className="text-muted-foreground">· {lock.name}</span>
    </h1>
  );
}
