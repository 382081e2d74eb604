import type { Job } from "@cleanup/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Check, X } from "lucide-react";
import { useId, useState } from "react";
import { DateTime } from "@/components/date-time";
import { DeletionError } from "@/components/deletion/deletion-error";
import { DeletionPlanView } from "@/components/deletion/deletion-plan";
import { Countdown } from "@/components/jobs/countdown";
import { SectionCard } from "@/components/section-card";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { environmentKeys } from "@/lib/query-keys";
import { toast } from "@/lib/toast";
import { approveJob, rejectJob } from "../api/list-approvals";

export interface ApprovalCardProps {
  environment: string;
  job: Job;
  /** The signed-in staff member: the requester cannot approve their own. */
  me: string;
}

/**
 * One request that waits for a second person: the exact plan, who asked and why, when it expires;
 * approve (sending the token of the plan shown here) or reject, each with a reason for the audit log.
 */
export function ApprovalCard({ environment, job, me }: ApprovalCardProps) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const reasonId = useId();
  const own = job.actor.toLowerCase() === me.toLowerCase();
  const done = () => queryClient.invalidateQueries({ queryKey: environmentKeys.all(environment) });
  const approve = useMutation({
    mutationFn: () => approveJob(environment, job, reason.trim()),
    onSuccess: (j) => {
      toast.success(`Approved: ${j.action} of ${j.target.label}`, { description: `requested by ${j.actor}` });
      return done();
    },
  });
  const reject = useMutation({
    mutationFn: () => rejectJob(environment, job.jobId, reason.trim()),
    onSuccess: (j) => {
      toast.success(`Rejected: ${j.action} of ${j.target.label}`, { description: "nothing was deleted" });
      return done();
    },
  });
  const busy = approve.isPending || reject.isPending;
  return (
    <SectionCard
      title={`${job.action} of ${job.target.type} ${job.target.label}`}
      description={
        <>
          Asked by <strong>{job.actor}</strong> <DateTime iso={job.createdAt} />
          {job.schedule ? ` · to run after ${job.schedule}` : ""}
          {job.approval && (
            <>
              {" "}
              · expires <Countdown until={job.approval.expiresAt} />
            </>
          )}
        </>
      }
      contentClassName="grid gap-4"
      footer={
        <div className="grid w-full gap-3">
          <div className="grid gap-1">
            <Label htmlFor={reasonId}>Reason for your decision</Label>
            <Input
              id={reasonId}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              placeholder="Checked with the customer in SUP-1234"
              disabled={busy}
            />
          </div>
          {own && (
            <p className="text-sm text-muted-foreground">
              You asked for this: another staff member must approve it.
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => approve.mutate()} disabled={own || busy || reason.trim() === ""}>
              <Check aria-hidden="true" />
              Approve
            </Button>
            <Button variant="outline" onClick={() => reject.mutate()} disabled={busy || reason.trim() === ""}>
              <X aria-hidden="true" />
              Reject
            </Button>
          </div>
        </div>
      }
    >
      <p className="text-sm">
        <span className="font-medium">Why:</span>{" "}
        {job.reason ?? <span className="text-muted-foreground">no reason given</span>}
      </p>
      {job.plan && <DeletionPlanView plan={job.plan} />}
      <p className="text-xs text-muted-foreground">
        Plan token <code>{job.planToken}</code>: approving sends it, so the job runs only if the target still
        matches this plan.
      </p>
      {approve.isError && (
        <DeletionError
          environment={environment}
          error={approve.error}
          onPreviewAgain={() => approve.reset()}
        />
      )}
      {reject.isError && (
        <DeletionError environment={environment} error={reject.error} onPreviewAgain={() => reject.reset()} />
      )}
    </SectionCard>
  );
}
