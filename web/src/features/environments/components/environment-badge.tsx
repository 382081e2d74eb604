import type { EnvironmentName } from "@cleanup/shared";
import { cva } from "class-variance-authority";
import { FlaskConical, Layers, ShieldAlert } from "lucide-react";
import { cn } from "@/lib/utils";

const badge = cva(
  "inline-flex items-center gap-1.5 rounded-md px-2.5 py-1 text-xs font-bold tracking-wide uppercase ring-1 ring-inset ring-black/10 [&_svg]:size-3.5",
  {
    variants: {
      kind: {
        dev: "bg-env-dev text-env-dev-foreground",
        stage: "bg-env-stage text-env-stage-foreground",
        production: "bg-env-production text-env-production-foreground",
      },
    },
  },
);

const icons = { dev: FlaskConical, stage: Layers, production: ShieldAlert } as const;

export interface EnvironmentBadgeProps {
  /** The environment's configured name (usually equal to its kind). */
  name: string;
  kind: EnvironmentName;
  className?: string;
}

/** Which environment every action on the page goes to: colour, icon and text, never colour alone. */
export function EnvironmentBadge({ name, kind, className }: EnvironmentBadgeProps) {
  const Icon = icons[kind];
  return (
    <span role="status" aria-label={`Environment: ${name}`} className={cn(badge({ kind }), className)}>
      <Icon aria-hidden="true" />
      {name}
      {name !== kind && <span className="font-medium normal-case opacity-80">({kind})</span>}
    </span>
  );
}
