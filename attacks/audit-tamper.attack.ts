// Tampering with the audit log in the local state (R2 blobs edited in place, `wrangler r2 object`
// and `wrangler d1 execute --local --persist-to`), then asking GET /admin/audit/verify whether it
// noticed and where. Each probe restores what it changed, so they are independent.
// node attacks/audit-tamper.attack.ts
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { api, d1Query, devToken, ROOT, STATE, staffHeaders, summary, verdict } from "./lib.ts";

const WRANGLER = path.join(ROOT, "api/node_modules/.bin/wrangler");
const BUCKET = "cleanup-console-events";
const token = await devToken("support@smartphonekey.com");
// Refusals counted by earlier scripts are appended as summaries when their minute ends (a DO
// alarm): an append in the middle of a probe would move the chain's end under it. Start after that.
const settle = 60_000 - (Date.now() % 60_000) + 3_000;
console.log(`(waiting ${Math.round(settle / 1000)} s for the current minute's refusal summaries)`);
await new Promise((r) => setTimeout(r, settle));

type Row = { id: string; seq: number; path: string; hash: string; actor: string };
type Verify = { ok: boolean; checked: number; brokenAt?: { id: string; seq: number; reason: string } };

function wrangler(args: string[], input?: string) {
  return execFileSync(WRANGLER, [...args, "--local", "--persist-to", STATE], {
    cwd: path.join(ROOT, "api"),
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", CI: "true" },
    input,
    stdio: ["pipe", "pipe", "pipe"],
  }).toString();
}
const d1 = (sql: string) => wrangler(["d1", "execute", "DB", "--command", sql]);

async function verify(): Promise<Verify> {
  // wrangler dev may restart workerd after a `wrangler r2`/`d1` command: retry a dropped connection.
  for (let attempt = 0; ; attempt++) {
    try {
      const r = await api("GET", "/admin/audit/verify", staffHeaders(token));
      return r.json as Verify;
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}
const rows = () => d1Query<Row>("SELECT id, seq, path, hash, actor FROM audit_index ORDER BY seq");

function r2File(): string {
  const dir = path.join(STATE, "v3/r2/miniflare-R2BucketObject");
  return path.join(dir, readdirSync(dir).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite")!);
}
function blobPath(key: string): string {
  const db = new DatabaseSync(r2File(), { readOnly: true });
  try {
    const row = db.prepare("SELECT blob_id FROM _mf_objects WHERE key = ?").get(key) as { blob_id: string };
    return path.join(STATE, "v3/r2", BUCKET, "blobs", row.blob_id);
  } finally {
    db.close();
  }
}
const sqlText = (v: unknown) =>
  v === null || v === undefined
    ? "NULL"
    : typeof v === "number"
      ? String(v)
      : `'${String(v).replaceAll("'", "''")}'`;
function rowInsert(seq: number): string {
  const [full] = d1Query<Record<string, unknown>>("SELECT * FROM audit_index WHERE seq = ?", seq);
  const cols = Object.keys(full!);
  return `INSERT INTO audit_index (${cols.join(", ")}) VALUES (${cols.map((c) => sqlText(full![c])).join(", ")})`;
}

async function probe(
  what: string,
  tamper: () => Promise<() => void> | (() => void),
  expectSeq: number | null,
) {
  const undo = await tamper();
  let v: Verify;
  try {
    v = await verify();
  } finally {
    undo();
  }
  const at = v.brokenAt;
  const named = expectSeq === null ? !!at : at?.seq === expectSeq;
  verdict(
    !v.ok && named,
    `${what}: verify ok=${v.ok}${at ? `, brokenAt seq ${at.seq} (${at.reason})` : ""}${expectSeq !== null ? `; expected seq ${expectSeq}` : ""}`,
  );
  const after = await verify();
  if (!after.ok) console.log(`          (restore incomplete: ${JSON.stringify(after.brokenAt)})`);
}

const base = await verify();
verdict(base.ok, `baseline: verify ok over ${base.checked} records`);
if (!base.ok) {
  console.log(JSON.stringify(base));
  process.exit(1);
}
let all = rows();
const mid = all[Math.floor(all.length / 2)]!;
const newest = all.at(-1)!;
console.log(`chain: ${all.length} records, probing seq ${mid.seq} (middle) and ${newest.seq} (newest)`);

// 1. Flip one byte of a middle record's R2 object (a letter of its actor).
await probe(
  "flip a byte in the middle record's R2 object",
  () => {
    const file = blobPath(mid.path);
    const original = readFileSync(file);
    const text = original.toString("utf8");
    const i = text.indexOf('"actor":"') + 9;
    const changed = Buffer.from(original);
    changed[i] = changed[i]! ^ 0x01;
    writeFileSync(file, changed);
    return () => writeFileSync(file, original);
  },
  mid.seq,
);

// 2. A change of bytes that JSON.parse does not see: whitespace, an escaped letter, key order.
for (const [label, edit] of [
  ["insert a space after the first ':'", (t: string) => t.replace('":', '": ')],
  [
    "escape one letter as \\u0061",
    (t: string) =>
      t.replace(
        /"action":"(\w)/,
        (_m, ch: string) => `"action":"\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
      ),
  ],
  [
    "prepend a duplicate key (first-wins parsers read another actor)",
    (t: string) => t.replace("{", '{"actor":"someone-else@smartphonekey.com",'),
  ],
] as const) {
  // Through `wrangler r2 object put`: a blob edited in place to another size reads as missing.
  await probe(
    `${label} in the middle record`,
    () => {
      const original = wrangler(["r2", "object", "get", `${BUCKET}/${mid.path}`, "--pipe"]);
      const put = (body: string) =>
        wrangler(
          ["r2", "object", "put", `${BUCKET}/${mid.path}`, "--pipe", "--content-type", "application/json"],
          body,
        );
      put(edit(original));
      return () => put(original);
    },
    mid.seq,
  );
}

// 3. Remove the newest record from R2 and the index.
await probe(
  "remove the newest record (R2 + index)",
  () => {
    const body = wrangler(["r2", "object", "get", `${BUCKET}/${newest.path}`, "--pipe"]);
    const insert = rowInsert(newest.seq);
    wrangler(["r2", "object", "delete", `${BUCKET}/${newest.path}`]);
    d1(`DELETE FROM audit_index WHERE seq = ${newest.seq}`);
    return () => {
      wrangler(
        ["r2", "object", "put", `${BUCKET}/${newest.path}`, "--pipe", "--content-type", "application/json"],
        body,
      );
      d1(insert);
    };
  },
  newest.seq,
);

// 4. Remove the newest three.
await probe(
  "remove the newest three records (R2 + index)",
  () => {
    const three = all.slice(-3);
    const saved = three.map((r) => ({
      r,
      body: wrangler(["r2", "object", "get", `${BUCKET}/${r.path}`, "--pipe"]),
      insert: rowInsert(r.seq),
    }));
    for (const { r } of saved) wrangler(["r2", "object", "delete", `${BUCKET}/${r.path}`]);
    d1(`DELETE FROM audit_index WHERE seq >= ${three[0]!.seq}`);
    return () => {
      for (const { r, body, insert } of saved) {
        wrangler(
          ["r2", "object", "put", `${BUCKET}/${r.path}`, "--pipe", "--content-type", "application/json"],
          body,
        );
        d1(insert);
      }
    };
  },
  all.at(-3)!.seq,
);

// 5. Remove from the index only: the newest, then a middle one.
await probe(
  "remove the newest record from the index only",
  () => {
    const insert = rowInsert(newest.seq);
    d1(`DELETE FROM audit_index WHERE seq = ${newest.seq}`);
    return () => d1(insert);
  },
  newest.seq,
);
await probe(
  "remove a middle record from the index only",
  () => {
    const insert = rowInsert(mid.seq);
    d1(`DELETE FROM audit_index WHERE seq = ${mid.seq}`);
    return () => d1(insert);
  },
  mid.seq,
);

// 6. Remove a middle record from both.
await probe(
  "remove a middle record from R2 and the index",
  () => {
    const body = wrangler(["r2", "object", "get", `${BUCKET}/${mid.path}`, "--pipe"]);
    const insert = rowInsert(mid.seq);
    wrangler(["r2", "object", "delete", `${BUCKET}/${mid.path}`]);
    d1(`DELETE FROM audit_index WHERE seq = ${mid.seq}`);
    return () => {
      wrangler(
        ["r2", "object", "put", `${BUCKET}/${mid.path}`, "--pipe", "--content-type", "application/json"],
        body,
      );
      d1(insert);
    };
  },
  mid.seq,
);

// 7. Reuse a seq: a second R2 object under the middle record's seq, another id.
await probe(
  "a second R2 object under a taken seq",
  () => {
    const key = mid.path.replace(/-[0-9a-f-]{36}\.json$/, "-00000000-0000-4000-8000-000000000000.json");
    const body = wrangler(["r2", "object", "get", `${BUCKET}/${mid.path}`, "--pipe"]);
    wrangler(
      ["r2", "object", "put", `${BUCKET}/${key}`, "--pipe", "--content-type", "application/json"],
      body,
    );
    return () => wrangler(["r2", "object", "delete", `${BUCKET}/${key}`]);
  },
  mid.seq,
);

// 8. A record in R2 that no row lists, past the head (a hidden newest record).
await probe(
  "an R2 object past the head that the index does not list",
  () => {
    const seq = newest.seq + 1;
    const day = newest.path.split("/").slice(1, 4).join("/");
    const key = `audit/${day}/${String(seq).padStart(10, "0")}-11111111-1111-4111-8111-111111111111.json`;
    wrangler(
      ["r2", "object", "put", `${BUCKET}/${key}`, "--pipe", "--content-type", "application/json"],
      "{}",
    );
    return () => wrangler(["r2", "object", "delete", `${BUCKET}/${key}`]);
  },
  newest.seq + 1,
);

// 9. An index row past the head (D1 write only).
await probe(
  "an index row past the head",
  () => {
    const insert = rowInsert(newest.seq)
      .replace(`'${newest.id}'`, "'22222222-2222-4222-8222-222222222222'")
      .replace(`, ${newest.seq}, `, `, ${newest.seq + 1}, `);
    d1(insert);
    return () => d1(`DELETE FROM audit_index WHERE seq = ${newest.seq + 1}`);
  },
  newest.seq + 1,
);

// 10. Change an index column only (the listing's actor), R2 untouched.
await probe(
  "change the actor in the index row only",
  () => {
    d1(`UPDATE audit_index SET actor = 'nobody@smartphonekey.com' WHERE seq = ${mid.seq}`);
    return () => d1(`UPDATE audit_index SET actor = ${sqlText(mid.actor)} WHERE seq = ${mid.seq}`);
  },
  mid.seq,
);

// 11. An object in the audit prefix that is not a record.
await probe(
  "a stray non-record object under audit/",
  () => {
    wrangler(["r2", "object", "put", `${BUCKET}/audit/notes.txt`, "--pipe"], "hello");
    return () => wrangler(["r2", "object", "delete", `${BUCKET}/audit/notes.txt`]);
  },
  null,
);

all = rows();
const end = await verify();
verdict(
  end.ok && all.length >= base.checked,
  `after every probe, verify ok again over ${end.checked} records`,
);
summary();
