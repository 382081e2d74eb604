import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { GatewayErrorBody } from "@cleanup/shared";
import { type ServerType, serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { devToken } from "../../scripts/lib/api-server.ts";
import { STAFF, signIn, testApp } from "../test/helpers.ts";

/** Audit records the large answer holds: the listing's largest page. */
const RECORDS = 500;
/** A cap below the large answer and below the 7 KB search page, so both must be refused. */
const SMALL_CAP = 4096;
/**
 * A cap past what the bff reads before it answers (64 KiB and the chunk that passed them, at most
 * 128 KiB) and below the large answer compressed (about 190 KB), so that answer streams into it.
 */
const STREAM_CAP = 150_000;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Set when the connection ended before the answer did. */
  cutOff?: string;
}

/** A GET over a real socket, keeping the bytes exactly as they arrive (no decoding). */
function get(port: number, path: string, headers: http.OutgoingHttpHeaders): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      const done = (cutOff?: string) =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks), cutOff });
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => done());
      res.on("aborted", () => done("aborted"));
      res.on("error", (err) => done(err.message));
    });
    req.on("error", reject);
  });
}

/** The bff, served over HTTP by @hono/node-server as in production. */
async function served(env: Record<string, string> = {}) {
  const app = await testApp(env);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  return { app, server, port: (server.address() as AddressInfo).port };
}

let bff: Awaited<ReturnType<typeof served>>;
let capped: Awaited<ReturnType<typeof served>>;
let roomy: Awaited<ReturnType<typeof served>>;
let browser: http.OutgoingHttpHeaders;
let cappedBrowser: http.OutgoingHttpHeaders;
let roomyBrowser: http.OutgoingHttpHeaders;
let direct: http.OutgoingHttpHeaders;
let apiPort: number;
/** Lists this file's own audit records: one page of RECORDS of them, about 0.5 MB. */
let largePath: string;

beforeAll(async () => {
  [bff, capped, roomy] = await Promise.all([
    served(),
    served({ API_MAX_RESPONSE_BYTES: String(SMALL_CAP) }),
    served({ API_MAX_RESPONSE_BYTES: String(STREAM_CAP) }),
  ]);
  browser = { Cookie: await signIn(bff.app), "X-CSRF": "1" };
  cappedBrowser = { Cookie: await signIn(capped.app), "X-CSRF": "1" };
  roomyBrowser = { Cookie: await signIn(roomy.app), "X-CSRF": "1" };
  const apiUrl = new URL(inject("apiUrl"));
  apiPort = Number(apiUrl.port);
  const token = await devToken(apiUrl.origin, inject("devPassword"), STAFF);
  direct = { Authorization: `Bearer ${token}`, "X-Admin-API-Key": inject("adminKey") };

  // Real audit records through the api: refused hub deletions, each with a long reason of its own.
  const target = `streaming-${randomBytes(6).toString("hex")}`;
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < RECORDS) {
        const n = next++;
        const res = await fetch(`${apiUrl.origin}/admin/cleanup/hubs/${target}`, {
          method: "DELETE",
          headers: {
            ...(direct as Record<string, string>),
            "X-Audit-Reason": `SUP-${n} ${randomBytes(300).toString("base64")}`,
          },
        });
        expect(res.status).toBe(400);
        await res.arrayBuffer();
      }
    }),
  );
  largePath = `/admin/audit?targetId=${target}&limit=${RECORDS}`;
}, 120_000);

afterAll(() => {
  for (const s of [bff, capped, roomy]) s?.server.close();
});

describe("answers stream through the bff unchanged", () => {
  it.each([
    ["a small one", "/admin/search?type=lock&limit=1"],
    ["a lock's page", "/admin/locks/1002"],
    ["a large one (0.5 MB, many chunks)", "LARGE"],
  ])("%s: status, headers and every byte as the api sent them", async (_, which) => {
    const path = which === "LARGE" ? largePath : which;
    const [via, straight] = [
      await get(bff.port, `/bff/api/dev${path}`, browser),
      await get(apiPort, path, direct),
    ];
    expect(via.cutOff).toBeUndefined();
    expect(via.status).toBe(200);
    expect(via.headers["content-type"]).toBe(straight.headers["content-type"]);
    expect(via.headers["content-length"]).toBe(String(straight.body.length));
    expect(via.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(via.headers["cache-control"]).toBe("no-store");
    expect(via.headers["content-security-policy"]).toMatch(/default-src 'self'/);
    expect(via.body.equals(straight.body)).toBe(true);
    if (which === "LARGE") {
      expect(via.body.length).toBeGreaterThan(300_000);
      expect(JSON.parse(via.body.toString()).items).toHaveLength(RECORDS);
    }
  });

  it("a compressed answer: the api's gzip bytes with their Content-Encoding, decoded only by the browser", async () => {
    const via = await get(bff.port, `/bff/api/dev${largePath}`, { ...browser, "Accept-Encoding": "gzip" });
    const plain = await get(apiPort, largePath, direct);
    expect(via.status).toBe(200);
    expect(via.headers["content-encoding"]).toBe("gzip");
    expect(via.body.length).toBeLessThan(plain.body.length);
    expect(gunzipSync(via.body).equals(plain.body)).toBe(true);
  });

  it("a small compressed answer (chunked by the api) leaves whole, with its length", async () => {
    const via = await get(bff.port, "/bff/api/dev/admin/locks/1002", {
      ...browser,
      "Accept-Encoding": "gzip",
    });
    const straight = await get(apiPort, "/admin/locks/1002", { ...direct, "Accept-Encoding": "gzip" });
    const plain = await get(apiPort, "/admin/locks/1002", direct);
    expect(straight.headers["transfer-encoding"]).toBe("chunked");
    expect(via.status).toBe(200);
    expect(via.headers["content-encoding"]).toBe("gzip");
    expect(via.headers["transfer-encoding"]).toBeUndefined();
    expect(Number(via.headers["content-length"])).toBe(via.body.length);
    expect(gunzipSync(via.body).equals(plain.body)).toBe(true);
  });

  it("with the console's security headers, HSTS behind a TLS load balancer", async () => {
    const plain = await get(bff.port, "/bff/api/dev/admin/environment", browser);
    const tls = await get(bff.port, "/bff/api/dev/admin/environment", {
      ...browser,
      "X-Forwarded-Proto": "https",
    });
    for (const res of [plain, tls]) {
      expect(res.headers).toMatchObject({
        "x-frame-options": "DENY",
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        "cross-origin-opener-policy": "same-origin",
        "cache-control": "no-store",
      });
    }
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
    expect(tls.headers["strict-transport-security"]).toMatch(/^max-age=\d+/);
    const refused = await get(bff.port, "/bff/api/dev/admin/environment", {});
    expect(refused.status).toBe(401);
    expect(refused.headers["x-frame-options"]).toBe("DENY");
    expect(refused.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("an api error, with its status and body", async () => {
    const via = await get(bff.port, "/bff/api/dev/admin/search?limit=1000", browser);
    const straight = await get(apiPort, "/admin/search?limit=1000", direct);
    expect(via.status).toBe(400);
    expect(via.body.equals(straight.body)).toBe(true);
  });

  it("a repeated deletion: Idempotent-Replayed passes back", async () => {
    const headers = { ...browser, "Idempotency-Key": `stream-${randomBytes(8).toString("hex")}` };
    const send = () =>
      new Promise<Answer>((resolve, reject) => {
        const req = http.request(
          {
            host: "127.0.0.1",
            port: bff.port,
            method: "DELETE",
            path: "/bff/api/dev/admin/cleanup/locks/1003?mode=DELETE_DO_ONLY",
            headers: { ...headers, "X-Audit-Reason": "streaming test SUP-2" },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () =>
              resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
            );
          },
        );
        req.on("error", reject);
        req.end();
      });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(200);
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    expect(again.status).toBe(200);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.body.equals(first.body)).toBe(true);
  });
});

describe("the answer size cap (API_MAX_RESPONSE_BYTES)", () => {
  it("refuses an answer whose Content-Length is over it with a 502 and a request id, before a byte of it", async () => {
    const res = await get(capped.port, "/bff/api/dev/admin/search?limit=100", cappedBrowser);
    expect(res.status).toBe(502);
    const body = GatewayErrorBody.parse(JSON.parse(res.body.toString()));
    expect(body.message).toMatch(/The dev api answered with \d+ bytes, more than the 4096 bytes/);
    expect(body.requestId).toBe(res.headers["x-request-id"]);
  });

  it("refuses an answer of unknown length whose first bytes pass it with a 502, before a byte of it", async () => {
    const res = await get(capped.port, `/bff/api/dev${largePath}`, {
      ...cappedBrowser,
      "Accept-Encoding": "gzip",
    });
    expect(res.status).toBe(502);
    const body = GatewayErrorBody.parse(JSON.parse(res.body.toString()));
    expect(body.message).toMatch(/The dev api answered with more than the 4096 bytes the bff passes on/);
    expect(body.requestId).toBe(res.headers["x-request-id"]);
  });

  it("cuts off a streamed answer of unknown length once it passes the cap: never more than the cap", async () => {
    const compressed = await get(apiPort, largePath, { ...direct, "Accept-Encoding": "gzip" });
    expect(compressed.body.length).toBeGreaterThan(STREAM_CAP); // else this would not stream past the cap
    const res = await get(roomy.port, `/bff/api/dev${largePath}`, {
      ...roomyBrowser,
      "Accept-Encoding": "gzip",
    });
    expect(res.status).toBe(200);
    expect(res.headers["content-length"]).toBeUndefined();
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.cutOff).toBeDefined();
    expect(res.body.length).toBeGreaterThan(64 * 1024);
    expect(res.body.length).toBeLessThanOrEqual(STREAM_CAP);
  });

  it("in-process too, the body read fails rather than ending as if complete", async () => {
    const res = await roomy.app.request(`/bff/api/dev${largePath}`, {
      headers: { ...(roomyBrowser as Record<string, string>), "Accept-Encoding": "gzip" },
    });
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow(/cap of 150000 bytes/);
  });

  it("passes an answer under it whole", async () => {
    const res = await get(capped.port, "/bff/api/dev/admin/locks/1002", cappedBrowser);
    expect(res.status).toBe(200);
    expect(res.cutOff).toBeUndefined();
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
  });
});

describe("the request body cap (1 MiB)", () => {
  /** A DELETE with a body, sent with its Content-Length or chunked (none), over a real socket. */
  function sendBody(size: number, chunked: boolean): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = {
        ...browser,
        "Content-Type": "application/json",
        "X-Audit-Reason": "streaming test SUP-3",
      };
      // A DELETE is not chunked by default in Node's client: say so, or the bytes would be a new request.
      if (chunked) headers["Transfer-Encoding"] = "chunked";
      else headers["Content-Length"] = String(size);
      const req = http.request(
        {
          host: "127.0.0.1",
          port: bff.port,
          method: "DELETE",
          path: "/bff/api/dev/admin/cleanup/locks/1004?mode=DELETE_DO_ONLY",
          headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        },
      );
      req.on("error", reject);
      const piece = Buffer.alloc(64 * 1024, 0x20);
      for (let sent = 0; sent < size; sent += piece.length)
        req.write(piece.subarray(0, Math.min(piece.length, size - sent)));
      req.end();
    });
  }

  it.each([
    ["with its Content-Length", false],
    ["chunked, with none", true],
  ])("refuses a body over it, %s, with a 413, and the api never sees the call", async (_, chunked) => {
    const res = await sendBody(1024 * 1024 + 1, chunked);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body.toString())).toMatchObject({ error: "Payload Too Large", code: 413 });
    const requestId = res.headers["x-request-id"];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const audit = await get(bff.port, "/bff/api/dev/admin/audit?targetId=1004&limit=500", browser);
    const items = JSON.parse(audit.body.toString()).items as { requestId: string }[];
    expect(items.some((i) => i.requestId === requestId)).toBe(false);
  });
});
