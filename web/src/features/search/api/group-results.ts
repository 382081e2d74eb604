import { type SearchItem, TargetType } from "@cleanup/shared";

const natural = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** 0 for an exact id or name, 1 for one that starts with the query, 2 for the rest. */
function relevance(item: SearchItem, q: string): number {
  if (!q) return 2;
  const id = item.id.toLowerCase();
  const label = item.label.toLowerCase();
  if (id === q || label === q) return 0;
  return id.startsWith(q) || label.startsWith(q) ? 1 : 2;
}

/**
 * Within one relevance, the order a person counts in: "Hub 2" before "Hub 10"; locks by their
 * number, everything else by name.
 */
function compare(a: SearchItem, b: SearchItem): number {
  return a.type === "lock" && b.type === "lock"
    ? natural.compare(a.id, b.id)
    : natural.compare(a.label, b.label) || natural.compare(a.id, b.id);
}

/**
 * Search results grouped by target type, in the console's type order, empty groups left out. Each
 * group has the exact match first, then those that start with the query, then the rest, each
 * part in natural order.
 *
 * @example groupByType(items, "hub") // [["hub", [Hub 1, Hub 2, …, Hub 10]]]
 */
export function groupByType(items: readonly SearchItem[], q = ""): [TargetType, SearchItem[]][] {
  const query = q.trim().toLowerCase();
  return TargetType.options
    .map((type): [TargetType, SearchItem[]] => [
      type,
      items
        .filter((i) => i.type === type)
        .map((item) => ({ item, rank: relevance(item, query) }))
        .sort((a, b) => a.rank - b.rank || compare(a.item, b.item))
        .map(({ item }) => item),
    ])
    .filter(([, group]) => group.length > 0);
}
