import type { Job } from "@cleanup/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CalendarClock, UserCheck, XCircle } from "lucide-react";
import { ErrorAlert } from "@/components/errors/error-alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { cancelJob, isWaiting, jobQueryOptions } from "@/lib/job-requests";
import { environmentKeys } from "@/lib/query-keys";
import { toast } from "@/lib/toast";
import { Countdown } from "./countdown";

export interface WaitingJobNoticeProps {
  environment: string;
  jobId: string;
  /** Refetched once the job was cancelled or ran (the target, its history). */
  onSettled?: () => void;
}

/**
 * A deletion (or restore) that has not run yet: scheduled, with its countdown and Cancel, or waiting
 * for a second staff member, with a link to the approvals page. Once it runs or ends it says so.
 */
export function WaitingJobNotice({ environment, jobId, onSettled }: WaitingJobNoticeProps) {
  const queryClient = useQueryClient();
  const job = useQuery(jobQueryOptions(environment, jobId));
  const cancel = useMutation({
    mutationFn: () => cancelJob(environment, jobId, "Cancelled from the console before it ran"),
    onSuccess: async (ended: Job) => {
      toast.success(`Cancelled: nothing was deleted`, {
        description: `${ended.action} of ${ended.target.label}`,
      });
      await queryClient.invalidateQueries({ queryKey: environmentKeys.all(environment) });
      onSettled?.();
    },
  });
  const data = job.data;
  if (!data) return null;
  const scheduled = data.status === "scheduled";
  const waiting = isWaiting(data.status);
  return (
    <section
      aria-label={scheduled ? "Scheduled deletion" : waiting ? "Waiting for approval" : "Job"}
      className="grid gap-2 rounded-md border border-primary/40 bg-accent/40 p-3 text-sm"
    >
      <p className="flex flex-wrap items-center gap-2 font-medium">
        {scheduled ? (
          <CalendarClock aria-hidden="true" className="size-4" />
        ) : (
          <UserCheck aria-hidden="true" className="size-4" />
        )}
        {scheduled ? (
          <>
            {data.action} scheduled: runs <Countdown until={data.runAt} />
          </>
        ) : data.status === "awaiting-approval" ? (
          <>
            {data.action} waits for a second staff member to approve it
            {data.approval && (
              <span className="font-normal text-muted-foreground">
                (expires <Countdown until={data.approval.expiresAt} />)
              </span>
            )}
          </>
        ) : (
          <>
            {data.action} is {data.status}
          </>
        )}
      </p>
      <div className="flex flex-wrap gap-2">
        {waiting && (
          <Button variant="outline" size="sm" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
            <XCircle aria-hidden="true" />
            Cancel {scheduled ? "scheduled deletion" : "request"}
          </Button>
        )}
        {data.status === "awaiting-approval" && (
          <Link
            to="/$env/approvals"
            params={{ env: environment }}
            className={buttonVariants({ variant: "link", size: "sm" })}
          >
            Open approvals
          </Link>
        )}
      </div>
      {cancel.error && <ErrorAlert error={cancel.error} title="Could not cancel" />}
    </section>
  );
}
