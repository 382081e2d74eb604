import type { TargetType } from "@cleanup/shared";
import { Building2, KeyRound, Lock, Router } from "lucide-react";
import type * as React from "react";

const icons: Record<TargetType, React.ComponentType<React.ComponentProps<"svg">>> = {
  lock: Lock,
  hub: Router,
  organization: Building2,
  "project-key": KeyRound,
};

export function TargetIcon({ type, ...props }: { type: TargetType } & React.ComponentProps<"svg">) {
  const Icon = icons[type];
  return <Icon aria-hidden="true" {...props} />;
}
