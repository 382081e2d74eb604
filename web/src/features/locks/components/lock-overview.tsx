import type { LockDetail } from "@cleanup/shared";
import { Battery, KeyRound, Lock, LockOpen } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatBytes, formatNumber, formatRelative, formatUtc } from "@/lib/format";
import { useLock } from "../api/get-lock";

function Time({ iso }: { iso: string | null }) {
  if (!iso) return <span className="text-muted-foreground">never</span>;
  return (
    <time dateTime={iso} title={iso}>
      {formatUtc(iso)} <span className="text-muted-foreground">({formatRelative(iso)})</span>
    </time>
  );
}

function Identifiers({ lock }: { lock: LockDetail }) {
  return (
    <Card aria-labelledby="lock-identifiers">
      <CardHeader>
        <CardTitle id="lock-identifiers">Identifiers</CardTitle>
      </CardHeader>
      <CardContent>
        <DescriptionList>
          <DescriptionItem term="Lock id">
            <code className="select-all">{lock.lockId}</code>
          </DescriptionItem>
          <DescriptionItem term="UUID">
            <code className="text-xs select-all">{lock.uuid}</code>
          </DescriptionItem>
          <DescriptionItem term="Name">{lock.name}</DescriptionItem>
          <DescriptionItem term="Hub">
            {lock.hubId ? <code className="text-xs">{lock.hubId}</code> : "none"}
          </DescriptionItem>
          <DescriptionItem term="Created">
            <Time iso={lock.createdAt} />
          </DescriptionItem>
        </DescriptionList>
      </CardContent>
    </Card>
  );
}

function State({ lock }: { lock: LockDetail }) {
  const { state } = lock;
  return (
    <Card aria-labelledby="lock-state">
      <CardHeader>
        <div className="grid gap-1">
          <CardTitle id="lock-state">State</CardTitle>
          <CardDescription>Replayed from the lock's events (version {state.version}).</CardDescription>
        </div>
        <Badge variant={state.locked ? "secondary" : "warning"}>
          {state.locked ? <Lock aria-hidden="true" /> : <LockOpen aria-hidden="true" />}
          {state.locked ? "Locked" : "Unlocked"}
        </Badge>
      </CardHeader>
      <CardContent>
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
            <Time iso={lock.lastEventAt} />
          </DescriptionItem>
          <DescriptionItem term="Key holders (state)">
            {state.keyHolders.length === 0 ? "none" : state.keyHolders.join(", ")}
          </DescriptionItem>
        </DescriptionList>
      </CardContent>
    </Card>
  );
}

function Keys({ lock }: { lock: LockDetail }) {
  return (
    <Card aria-labelledby="lock-keys">
      <CardHeader>
        <div className="grid gap-1">
          <CardTitle id="lock-keys">Keys</CardTitle>
          <CardDescription>
            {formatNumber(lock.keyAssignmentCount)} key assignments, {formatNumber(lock.tempKeyCount)} temp
            keys
          </CardDescription>
        </div>
        <KeyRound aria-hidden="true" className="size-4 text-muted-foreground" />
      </CardHeader>
      <CardContent>
        {lock.keyAssignments.length === 0 ? (
          <p className="text-sm text-muted-foreground">No key assignments.</p>
        ) : (
          <Table aria-label="Key assignments">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">User</TableHead>
                <TableHead scope="col">Role</TableHead>
                <TableHead scope="col">Assigned</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lock.keyAssignments.map((k) => (
                <TableRow key={k.id}>
                  <TableCell>{k.userEmail ?? <code className="text-xs">{k.userId}</code>}</TableCell>
                  <TableCell>
                    <Badge variant="outline">{k.role}</Badge>
                  </TableCell>
                  <TableCell>
                    <Time iso={k.createdAt} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {lock.keyAssignments.length < lock.keyAssignmentCount && (
          <p className="mt-2 text-xs text-muted-foreground">
            Showing {lock.keyAssignments.length} of {formatNumber(lock.keyAssignmentCount)}.
          </p>
        )}
      </CardContent>
    </Card>
  );
}

/** Everything the console knows about one lock, from the api's replayed aggregate and D1. */
export function LockOverview({ environment, lockId }: { environment: string; lockId: string }) {
  const { data: lock } = useLock(environment, lockId);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Identifiers lock={lock} />
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
