import type { AuditOutcome } from "@cleanup/shared";
import { Ban, CircleCheck, CircleSlash, CircleX, Hourglass } from "lucide-react";
import { Badge } from "@/components/ui/badge";

const look = {
  started: { variant: "secondary", Icon: Hourglass },
  success: { variant: "success", Icon: CircleCheck },
  failure: { variant: "destructive", Icon: CircleX },
  refused: { variant: "warning", Icon: Ban },
  cancelled: { variant: "secondary", Icon: CircleSlash },
} as const satisfies Record<AuditOutcome, unknown>;

/** An audit outcome: icon, colour and word, never colour alone. */
export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  const { variant, Icon } = look[outcome];
  return (
    <Badge variant={variant}>
      <Icon aria-hidden="true" />
      {outcome}
    </Badge>
  );
}
