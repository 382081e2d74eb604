// The audit log at scale, on its own api and state dir: real records through the api, the listing's
// first page against the deepest (rounds of the whole paging walk), the chain verification, then the
// console's table in headless Chromium (one scroll: it builds the console and runs a browser).
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { startApi } from "./api-server.ts";
import {
  type AuditGeneration,
  type AuditPaging,
  generateAuditRecords,
  measureAuditPaging,
} from "./bench-audit.ts";
import { type AuditTableScroll, measureAuditTable } from "./bench-audit-web.ts";
import { BenchClient } from "./bench-client.ts";
import type { BenchContext } from "./bench-context.ts";
import { BENCH_TMP } from "./bench-state.ts";
import { type Figure, figure, printTable, type Round } from "./bench-stats.ts";
import { consoleClient, startIdp } from "./idp-server.ts";

export type AuditAtScale = {
  generation: AuditGeneration;
  paging: Omit<AuditPaging, "rows">[];
  table: AuditTableScroll | { skipped: string };
};

const RUNS = 15;
/** Rows of the console's audit table to scroll through in Chromium. */
const SCROLL_ROWS = 5_000;

export async function benchAudit(
  ctx: BenchContext,
  records: number,
): Promise<{ figures: Figure[]; audit: AuditAtScale }> {
  const stateDir = path.join(BENCH_TMP, "audit");
  mkdirSync(stateDir, { recursive: true });
  // The console signs in at the local OpenID provider, whose tokens this api trusts.
  const idp = await startIdp({
    port: ctx.ports.idp,
    devPassword: "dev-password",
    clients: [consoleClient(`http://localhost:${ctx.ports.bff}`)],
    logFile: path.join(stateDir, "idp.log"),
  });
  const api = await startApi({ seedScale: 1, port: ctx.ports.api, stateDir, trustIssuer: idp }).catch(
    async (err) => {
      await idp.stop();
      throw err;
    },
  );
  try {
    const admin = await BenchClient.connect(api);
    const support = await BenchClient.connect(api, "support@smartphonekey.com");
    ctx.log(`audit: writing ${records} audit records through the api…`);
    const generation = await generateAuditRecords([admin, support], records, 8);
    ctx.log(
      `audit: ${generation.records} records in ${Math.round(generation.ms / 1000)} s; paging and verify…`,
    );
    const { body: hubs } = await admin.call<{ items: { id: string }[] }>(
      "GET",
      "/admin/search?type=hub&limit=1",
    );
    const byScenario = new Map<string, { rounds: Round[]; note: string }>();
    const paging: Omit<AuditPaging, "rows">[] = [];
    for (let round = 0; round < ctx.rounds; round++) {
      const { rows, ...rest } = await measureAuditPaging(admin, {
        runs: ctx.quick ? 5 : RUNS,
        actor: "support@smartphonekey.com",
        hubId: hubs.items[0]!.id,
        verifyRuns: 1,
      });
      paging.push(rest);
      for (const r of rows) {
        const entry = byScenario.get(r.scenario) ?? { rounds: [], note: r.note };
        entry.rounds.push({ measured: r.measuredMs, baseline: r.baselineMs });
        byScenario.set(r.scenario, entry);
      }
    }
    const figures = [...byScenario].map(([scenario, { rounds, note }]) =>
      figure(
        {
          part: "audit",
          name: scenario,
          unit: "ms",
          baselineWhat: "whole-log page 1",
          goal: null,
          note: `${records} records; ${note}`,
        },
        rounds,
      ),
    );
    let table: AuditTableScroll | { skipped: string };
    if (process.env.BENCH_SKIP_BROWSER === "1") table = { skipped: "BENCH_SKIP_BROWSER=1" };
    else {
      ctx.log(`audit: scrolling the console's audit table through ${SCROLL_ROWS} rows in Chromium…`);
      try {
        table = await measureAuditTable(api, {
          bffPort: ctx.ports.bff,
          idpPort: ctx.ports.idp,
          rows: SCROLL_ROWS,
          log: ctx.log,
        });
        figures.push(
          figure(
            {
              part: "audit",
              name: `audit table: longest frame scrolling ${table.rowsScrolled} rows, over an idle frame`,
              unit: "ms",
              baselineWhat: "idle frame",
              goal: null,
              note: `one scroll; ${table.droppedFrames} dropped of ${table.frames}; at most ${table.maxDomRows} rows in the DOM`,
            },
            [{ measured: table.longestFrameMs, baseline: table.idleFrameMs }],
          ),
        );
      } catch (err) {
        table = { skipped: (err as Error).message.split("\n")[0]! };
        ctx.log(`audit table not measured: ${table.skipped}`);
      }
    }
    return { figures, audit: { generation, paging, table } };
  } finally {
    await Promise.allSettled([api.stop(), idp.stop()]);
    rmSync(stateDir, { recursive: true, force: true });
  }
}

export function printAudit({ generation: g, table }: AuditAtScale): void {
  console.log("");
  const statuses = Object.entries(g.statuses).map(([status, n]) => `${status}: ${n}`);
  printTable(
    ["audit records", "requests", "in flight", "total s", "records/s", "request ms (median/p95/max)", "HTTP"],
    [
      [
        g.records,
        g.requests,
        g.concurrency,
        Math.round(g.ms / 100) / 10,
        g.perSecond,
        `${g.requestMs.median}/${g.requestMs.p95}/${g.requestMs.max}`,
        statuses.join(", "),
      ],
    ],
  );
  if ("skipped" in table) console.log(`audit table in Chromium: not measured (${table.skipped})`);
  else {
    console.log(
      `audit table: ${table.rowsScrolled} rows scrolled, ${table.frames} frames (${table.waitingFrames} waiting), p99 ${table.p99FrameMs} ms, longest ${table.longestFrameMs} ms, ${table.longTasks} long tasks; first rows ${table.firstRowsMs} ms; chain: ${table.chainStatus}`,
    );
  }
}
