import type { DevSeedResponse } from "@cleanup/shared";
import { environmentCounts } from "../domain/environment-counts.ts";
import { countOf } from "../lib/d1.ts";
import { demoBatches } from "../seed/demo-data.ts";
import { writeSeed } from "../seed/write-seed.ts";
import type { EndpointHandlers } from "./endpoint-handler.ts";

/**
 * `POST /admin/dev/seed` (dev only): fills an empty environment with the demo data set at
 * `SEED_SCALE`, batch by batch. An environment that holds any lock is left alone: `{seeded: false}`.
 */
export const devSeedHandlers: EndpointHandlers<"seedDemoData"> = {
  seedDemoData: async (c) => {
    const hasLocks = (await countOf(c.env.DB.prepare("SELECT COUNT(*) AS n FROM locks"))) > 0;
    const written = hasLocks
      ? undefined
      : await writeSeed(c.env, demoBatches(c.var.config.seedScale, Date.now()));
    const body: DevSeedResponse = {
      seeded: !hasLocks,
      counts: await environmentCounts(c.env.DB),
      ...(written ? { written } : {}),
    };
    return c.json(body);
  },
};
