import type { AuditAction, Job, JobStatus, JobStepName, JobTargetType } from "@cleanup/shared";

/** What each step does, as staff read it. */
export const STEP_LABELS: Record<JobStepName, string> = {
  "record-started": "Record the intent in the audit log",
  "freeze-and-check": "Freeze the target and check the plan",
  archive: "Archive the events and verify the archive",
  "delete-events": "Delete the events",
  "delete-do-state": "Delete the Durable Object state",
  "delete-d1-rows": "Delete the D1 rows",
  "publish-system-event": "Publish the system event",
  "verify-archive": "Read the archive back and verify it",
  "write-events": "Write the events back",
  "write-d1-rows": "Write the D1 rows back",
  "rebuild-do-state": "Rebuild the Durable Object state",
  "record-final": "Record the outcome in the audit log",
};

/** A step's label for this kind of target: delete-all freezes nothing, it checks the plan. */
export function stepLabel(targetType: JobTargetType, step: JobStepName): string {
  if (targetType === "environment" && step === "freeze-and-check") return "Check the plan is unchanged";
  return STEP_LABELS[step] ?? step;
}

/** Steps after which something is gone for good (or, for delete-all, part of the environment). */
export const DESTRUCTIVE_STEPS: readonly JobStepName[] = [
  "delete-events",
  "delete-do-state",
  "delete-d1-rows",
];

/** What a step's `done`/`total` count: an environment's events are R2 objects, a lock's are events. */
export function stepUnit(targetType: JobTargetType, step: JobStepName): string | null {
  if (targetType === "environment") {
    if (step === "delete-events") return "R2 objects";
    if (step === "delete-do-state") return "Durable Objects";
    if (step === "delete-d1-rows") return "rows";
    return null;
  }
  if (step === "archive" || step === "delete-events" || step === "write-events") return "events";
  if (step === "delete-d1-rows" || step === "write-d1-rows") return "rows";
  return null;
}

export const ACTION_LABELS: Partial<Record<AuditAction, string>> = {
  "delete-all": "Reset",
  "delete-hub": "Delete hub",
  "delete-lock": "Delete lock",
  "delete-project-key": "Delete project key",
  "delete-org-keys": "Delete organization keys",
  "restore-lock": "Restore lock",
  "restore-hub": "Restore hub",
};

/** "Delete lock Gate · Rossi (#1001)", "… (DO state only)", "Reset the dev environment". */
export function jobTitle(job: Pick<Job, "action" | "target" | "options">): string {
  if (job.target.type === "environment") return `Reset the ${job.target.id} environment`;
  const doOnly = job.options.mode === "DELETE_DO_ONLY" ? " (DO state only)" : "";
  return `${ACTION_LABELS[job.action] ?? job.action} ${job.target.label}${doOnly}`;
}

export const STATUS_LABELS: Record<JobStatus, string> = {
  queued: "Queued",
  scheduled: "Scheduled",
  "awaiting-approval": "Awaiting approval",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  cancelled: "Cancelled",
};

/** The job's options as one line: `mode=DELETE_DO_AND_EVENTS, cascadeDeleteKeys=true`. */
export function describeOptions(options: Job["options"]): string {
  const entries = Object.entries(options).filter(([key]) => key !== "uuid");
  return entries.length === 0 ? "none" : entries.map(([k, v]) => `${k}=${String(v)}`).join(", ");
}

/**
 * The toast that says a job this session started has ended, in the words its page's result uses:
 * "Lock reset in dev", "Keys of acme deleted in dev", "dev was reset"; null for a cancelled job
 * (the cancel or the rejection said so already).
 */
export function jobEndWords(
  job: Pick<Job, "action" | "status" | "target" | "options" | "error">,
  environment: string,
): { tone: "success" | "error"; title: string; description: string } | null {
  if (job.status === "cancelled") return null;
  if (job.status === "failed") {
    return { tone: "error", title: `${jobTitle(job)} failed`, description: job.error?.message ?? "" };
  }
  const { label, id } = job.target;
  const how = job.options.mode === "DELETE_DO_ONLY" ? "reset" : "deleted";
  const words: Partial<Record<AuditAction, string>> = {
    "delete-lock": `Lock ${how} in ${environment}`,
    "delete-hub": `Hub ${how} in ${environment}`,
    "delete-org-keys": `Keys of ${id} deleted in ${environment}`,
    "delete-project-key": `Project key ${id} deleted in ${environment}`,
    "delete-all": `${environment} was reset`,
    "restore-lock": `Restored lock ${id} in ${environment}`,
    "restore-hub": `Restored hub ${id} in ${environment}`,
  };
  return { tone: "success", title: words[job.action] ?? `${jobTitle(job)}: done`, description: label };
}
