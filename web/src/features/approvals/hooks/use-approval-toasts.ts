import { endpointPath, Job } from "@cleanup/shared";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { apiRequest } from "@/lib/api-client";
import { toast } from "@/lib/toast";
import { approvalsQueryOptions } from "../api/list-approvals";

/**
 * Tells the requester when a request of theirs that waited for a second person was decided:
 * approved, rejected (with why) or expired. Watches the approvals queue; a job of theirs that leaves
 * it is read once and announced.
 */
export function useApprovalToasts(environment: string, me: string) {
  const approvals = useQuery(approvalsQueryOptions(environment));
  const mine = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!approvals.data) return;
    const now = new Set(
      approvals.data.items.filter((j) => j.actor.toLowerCase() === me.toLowerCase()).map((j) => j.jobId),
    );
    const before = mine.current;
    mine.current = now;
    if (!before) return;
    for (const jobId of before) {
      if (now.has(jobId)) continue;
      void apiRequest(environment, endpointPath("getJob", { jobId }), { schema: Job }).then((job) => {
        const what = `Your ${job.action} of ${job.target.label}`;
        const decision = job.approval?.decision;
        if (decision === "approved")
          toast.success(`${what} was approved`, { description: `by ${job.approval?.decidedBy}` });
        else if (decision === "rejected")
          toast.error(`${what} was rejected`, {
            description: `by ${job.approval?.decidedBy}${job.approval?.reason ? `: ${job.approval.reason}` : ""}`,
          });
        else if (decision === "expired")
          toast.warning(`${what} expired unapproved`, { description: "nothing was deleted" });
      });
    }
  }, [approvals.data, environment, me]);
}
