import type { JobTargetType } from "@cleanup/shared";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArchiveRestore } from "lucide-react";
import { DateTime } from "@/components/date-time";
import { WaitingJobNotice } from "@/components/jobs/waiting-job-notice";
import { SectionCard } from "@/components/section-card";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatBytes, formatNumber } from "@/lib/format";
import { isWaiting } from "@/lib/job-requests";
import { type ArchiveTargetType, archivesQueryOptions } from "../api/list-archives";
import { targetJobsQueryOptions } from "../api/list-target-jobs";

export interface TargetJobsAndArchivesProps {
  environment: string;
  targetType: JobTargetType;
  /** A lock by its numeric id or UUID, a hub by UUID. */
  targetId: string;
  /** Whether the target exists now: an archive can only be restored while it does not. */
  exists: boolean;
}

/**
 * A target's deletions and restores: the jobs run on it (a waiting one with its countdown and
 * Cancel) and, for a lock or hub, its archives, each with "Restore" while the target is gone.
 */
export function TargetJobsAndArchives({
  environment,
  targetType,
  targetId,
  exists,
}: TargetJobsAndArchivesProps) {
  const aggregate = targetType === "lock" || targetType === "hub";
  const jobs = useQuery(targetJobsQueryOptions(environment, targetType, targetId));
  const archives = useQuery({
    ...archivesQueryOptions(environment, targetType as ArchiveTargetType, targetId),
    enabled: aggregate,
  });
  const waiting = jobs.data?.items.filter((j) => isWaiting(j.status)) ?? [];
  return (
    <SectionCard
      title="Jobs and archives"
      description="Every deletion and restore of this target, and the archives written before a deletion for good."
      contentClassName="grid gap-4"
    >
      {waiting.map((job) => (
        <WaitingJobNotice key={job.jobId} environment={environment} jobId={job.jobId} />
      ))}
      <div className="overflow-x-auto">
        <Table aria-label="Jobs of this target">
          <TableHeader>
            <TableRow>
              <TableHead>Job</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Asked by</TableHead>
              <TableHead>Created</TableHead>
              <TableHead>Runs</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(jobs.data?.items ?? []).map((job) => (
              <TableRow key={job.jobId}>
                <TableCell>
                  {job.action}
                  <span className="block font-mono text-xs text-muted-foreground">
                    {job.jobId.slice(0, 8)}
                  </span>
                </TableCell>
                <TableCell>
                  <Badge variant={job.status === "failed" ? "destructive" : "outline"}>{job.status}</Badge>
                </TableCell>
                <TableCell>{job.actor}</TableCell>
                <TableCell>
                  <DateTime iso={job.createdAt} />
                </TableCell>
                <TableCell>
                  <DateTime iso={job.runAt} />
                </TableCell>
              </TableRow>
            ))}
            {jobs.data?.items.length === 0 && (
              <TableRow>
                <TableCell colSpan={5} className="text-muted-foreground">
                  No jobs yet.
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </div>
      {aggregate && (
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
      )}
    </SectionCard>
  );
}
