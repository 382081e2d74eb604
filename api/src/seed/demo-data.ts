import { demoDevices } from "./demo-devices.ts";
import { demoOrganizations, demoUsers } from "./demo-people.ts";
import { demoProjects } from "./demo-projects.ts";
import { type DemoData, MINUTE, type SeedContext } from "./demo-types.ts";
import { Prng } from "./prng.ts";

const SEED = 20_260_101;

/**
 * The deterministic demo data set: the same ids, names, counts and histories for a given
 * scale. Times are relative to `now` (floored to the minute) so the data looks current:
 * a "recent activity" warning stays meaningful whenever the environment was seeded.
 *
 * @example
 * const data = demoData(1, Date.now()); // ~80 locks, 3 of them with 2,000-5,000 events
 */
export function demoData(scale: number, nowMs: number): DemoData {
  const now = Math.floor(nowMs / MINUTE) * MINUTE;
  const ctx: SeedContext = {
    n: (base) => Math.max(1, Math.round(base * scale)),
    now,
    ago: (ms) => new Date(now - ms).toISOString(),
  };
  // Each part draws from its own stream, so growing one part does not reshuffle the others.
  const people = demoUsers(new Prng(SEED), ctx);
  const devices = demoDevices(new Prng(SEED + 1), ctx, people.users);
  return {
    tables: [
      people.table,
      ...devices.tables,
      ...demoOrganizations(new Prng(SEED + 2), ctx),
      ...demoProjects(new Prng(SEED + 3), ctx),
    ],
    aggregates: devices.aggregates,
  };
}
