// The bff's baseline in the bench (`npm run bench -- bff`, scripts/bench-bff-hotpath.ts): a bare
// Node reverse proxy, the least a proxy process costs on these cores. node:http, keep-alive both
// ways, bodies piped; it passes on what a reverse proxy passes (Content-Type, Content-Length,
// Accept, Accept-Encoding, so the api does the same work for both), adds credentials as the bff
// does (BEARER and ADMIN_KEY, unless the client sent its own: the bench sends the session's current
// JWT, the one the bff sends) and maps the same paths (`/bff/api/<env>/<api path>` → `<api path>`).
// Run as its own process, as the bff is.
//   UPSTREAM=http://127.0.0.1:8787 PORT=18833 BEARER=<jwt> ADMIN_KEY=dev-admin-key node scripts/lib/bench-bare-proxy.ts
import http from "node:http";

const upstream = new URL(process.env.UPSTREAM ?? "http://127.0.0.1:8787");
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const PREFIX = /^\/bff\/api\/[^/]+/;
const PASSED = ["accept", "accept-encoding", "content-type", "content-length"] as const;
const CREDENTIALS = ["authorization", "x-admin-api-key"] as const;

const server = http.createServer((req, res) => {
  const headers: http.OutgoingHttpHeaders = {
    authorization: `Bearer ${process.env.BEARER}`,
    "x-admin-api-key": process.env.ADMIN_KEY ?? "",
  };
  for (const name of [...PASSED, ...CREDENTIALS]) {
    const value = req.headers[name];
    if (value !== undefined) headers[name as string] = value;
  }
  const forwarded = http.request(
    {
      host: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: (req.url ?? "/").replace(PREFIX, ""),
      agent,
      headers,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  forwarded.on("error", () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(forwarded);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 18833), "127.0.0.1", () => console.log("bare proxy ready"));
