import type { AuditOutcome } from "@cleanup/shared";
import { Ban, CircleCheck, CircleX } from "lucide-react";
import { Badge } from "@/components/ui/badge";

const look = {
  success: { variant: "success", Icon: CircleCheck },
  failure: { variant: "destructive", Icon: CircleX },
  refused: { variant: "warning", Icon: Ban },
} as const;

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
