import type { Plan } from "@cleanup/shared";
import { formatNumber } from "@/lib/format";

function count(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/**
 * The plan in one sentence, for a screen reader once a preview arrives: what goes, what is kept,
 * and how many warnings to read.
 *
 * @example planAnnouncement(plan) // "Preview ready for Gate (#1004): deletes 3,399 events, …"
 */
export function planAnnouncement(plan: Plan): string {
  const d1 = Object.values(plan.counts.d1Rows).reduce((a, b) => a + b, 0);
  const goes = plan.delete.filter((i) => i.count > 0).length;
  const parts = [
    plan.counts.events > 0 ? count(plan.counts.events, "event") : null,
    d1 > 0 ? count(d1, "D1 row") : null,
    plan.counts.doInstances > 0 ? count(plan.counts.doInstances, "Durable Object") : null,
    plan.counts.jwks > 0 ? count(plan.counts.jwks, "JWK") : null,
  ].filter(Boolean);
  const what = parts.length > 0 ? parts.join(", ") : goes > 0 ? count(goes, "item") : "nothing";
  const kept = plan.keep.length > 0 ? ` Kept: ${plan.keep.map((k) => k.label).join(", ")}.` : "";
  const warnings = plan.warnings.length > 0 ? ` ${count(plan.warnings.length, "warning")}.` : " No warnings.";
  return `Preview ready for ${plan.target.label} in ${plan.environment}: deletes ${what}.${kept}${warnings}`;
}
