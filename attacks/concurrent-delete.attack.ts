// Ten identical deletions of one lock at once, with and without one Idempotency-Key: exactly one
// executes, one success record. Uses locks that are still there (real deletions).
// node attacks/concurrent-delete.attack.ts
import { api, devToken, staffHeaders, summary, verdict } from "./lib.ts";

const staff = staffHeaders(await devToken("support@smartphonekey.com"));
const items = (
  (await api("GET", "/admin/search?type=lock&limit=50", staff)).json as { items: { id: string }[] }
).items;
const live: string[] = [];
for (const { id } of items.reverse()) {
  if ((await api("GET", `/admin/locks/${id}`, staff)).status === 200) live.push(id);
  if (live.length === 2) break;
}
for (const [label, id, key] of [
  ["no Idempotency-Key", live[0]!, undefined],
  ["one Idempotency-Key", live[1]!, `review-${Date.now()}`],
] as const) {
  const headers = key ? { ...staff, "Idempotency-Key": key } : staff;
  const results = await Promise.all(
    Array.from({ length: 10 }, () =>
      api("DELETE", `/admin/cleanup/locks/${id}?mode=DELETE_DO_AND_EVENTS`, headers),
    ),
  );
  const statuses = results.map((r) => r.status);
  const audit = (await api("GET", `/admin/audit?targetId=${id}&outcome=success`, staff)).json as {
    items: unknown[];
  };
  const fives = statuses.filter((s) => s >= 500).length;
  verdict(
    audit.items.length === 1 && fives === 0,
    `10 concurrent deletions of lock ${id}, ${label}: statuses ${statuses.sort().join(",")}; success records ${audit.items.length}`,
  );
}
summary();
