import { type SearchItem, TargetType } from "@cleanup/shared";

/**
 * Search results grouped by target type, in the console's type order, empty groups left out.
 *
 * @example groupByType(items) // [["lock", [...]], ["hub", [...]]]
 */
export function groupByType(items: readonly SearchItem[]): [TargetType, SearchItem[]][] {
  return TargetType.options
    .map((type): [TargetType, SearchItem[]] => [type, items.filter((i) => i.type === type)])
    .filter(([, group]) => group.length > 0);
}
