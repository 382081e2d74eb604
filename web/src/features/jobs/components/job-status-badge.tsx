import type { JobStatus } from "@cleanup/shared";
import { Ban, CalendarClock, CircleCheck, CircleDashed, CircleX, UserCheck } from "lucide-react";
import type * as React from "react";
import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import { STATUS_LABELS } from "@/lib/job-words";

const look: Record<
  JobStatus,
  { variant: React.ComponentProps<typeof Badge>["variant"]; icon: React.ReactNode }
> = {
  queued: { variant: "secondary", icon: <CircleDashed aria-hidden="true" /> },
  scheduled: { variant: "warning", icon: <CalendarClock aria-hidden="true" /> },
  "awaiting-approval": { variant: "warning", icon: <UserCheck aria-hidden="true" /> },
  running: { variant: "default", icon: <Spinner className="size-3" /> },
  succeeded: { variant: "success", icon: <CircleCheck aria-hidden="true" /> },
  failed: { variant: "destructive", icon: <CircleX aria-hidden="true" /> },
  cancelled: { variant: "secondary", icon: <Ban aria-hidden="true" /> },
};

/** A job's status as an icon and its word ("Running", "Awaiting approval"). */
export function JobStatusBadge({ status, className }: { status: JobStatus; className?: string }) {
  const { variant, icon } = look[status];
  return (
    <Badge variant={variant} className={className}>
      {icon}
      {STATUS_LABELS[status]}
    </Badge>
  );
}
