import { formatRelative, formatUtc } from "@/lib/format";

/** A UTC time as staff quote it, with how long ago it was; "never" when there is none. */
export function DateTime({ iso, empty = "never" }: { iso: string | null | undefined; empty?: string }) {
  if (!iso) return <span className="text-muted-foreground">{empty}</span>;
  return (
    <time dateTime={iso} title={iso}>
      {formatUtc(iso)} <span className="text-muted-foreground">({formatRelative(iso)})</span>
    </time>
  );
}
