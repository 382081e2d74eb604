import { cn } from "@/lib/utils";

/**
 * A staff email with its name first and the domain, the same for everyone, after it in a quieter
 * colour: where the column is too narrow the domain is what gets cut, never the name.
 */
export function ActorName({ actor, className }: { actor: string; className?: string }) {
  const at = actor.indexOf("@");
  if (at <= 0) return <span className={className}>{actor}</span>;
  return (
    <span className={cn("truncate", className)} title={actor}>
      <span className="text-foreground">{actor.slice(0, at)}</span>
      <span className="text-muted-foreground">{actor.slice(at)}</span>
    </span>
  );
}
