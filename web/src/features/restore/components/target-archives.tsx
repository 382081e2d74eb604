import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArchiveRestore } from "lucide-react";
import { DateTime } from "@/components/date-time";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatBytes, formatNumber } from "@/lib/format";
import { type ArchiveTargetType, archivesQueryOptions } from "../api/list-archives";

export interface TargetArchivesProps {
  environment: string;
  targetType: ArchiveTargetType;
  /** A lock by its numeric id or UUID, a hub by UUID. */
  targetId: string;
  /** Whether the target exists now: an archive can only be restored while it does not. */
  exists: boolean;
}

/** A lock's or hub's archives, written before each deletion for good; each with "Restore" while the target is gone. */
export function TargetArchives({ environment, targetType, targetId, exists }: TargetArchivesProps) {
  const archives = useQuery(archivesQueryOptions(environment, targetType, targetId));
  return (
    <div className="overflow-x-auto">
      <Table aria-label="Archives of this target">
        <TableHeader>
          <TableRow>
            <TableHead>Archive</TableHead>
            <TableHead>Events</TableHead>
            <TableHead>Written</TableHead>
            <TableHead>State</TableHead>
            <TableHead>
              <span className="sr-only">Action</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {(archives.data?.items ?? []).map((a) => (
            <TableRow key={a.id}>
              <TableCell>
                <span className="font-mono text-xs">{a.path}</span>
                <span className="block font-mono text-xs text-muted-foreground">
                  sha256 {a.sha256?.slice(0, 12) ?? "—"}…
                </span>
              </TableCell>
              <TableCell className="tabular-nums">
                {formatNumber(a.events ?? 0)} ({formatBytes(a.bytes ?? 0)})
              </TableCell>
              <TableCell>
                <DateTime iso={a.createdAt} />
              </TableCell>
              <TableCell>
                {a.restoredByJob ? (
                  <Badge variant="outline">restored</Badge>
                ) : a.restorable ? (
                  <Badge variant="outline">restorable</Badge>
                ) : (
                  <Badge variant="outline">{a.status}</Badge>
                )}
              </TableCell>
              <TableCell>
                {a.restorable && !exists && (
                  <Link
                    to="/$env/deleted/$targetType/$targetId"
                    params={{ env: environment, targetType: a.targetType, targetId: a.targetId }}
                    search={{ archive: a.id }}
                    className={buttonVariants({ variant: "outline", size: "sm" })}
                    aria-label={`Restore ${a.targetType} ${a.targetId} from archive ${a.id.slice(0, 8)}`}
                  >
                    <ArchiveRestore aria-hidden="true" />
                    Restore…
                  </Link>
                )}
              </TableCell>
            </TableRow>
          ))}
          {archives.data?.items.length === 0 && (
            <TableRow>
              <TableCell colSpan={5} className="text-muted-foreground">
                No archives: this target was never deleted for good.
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
