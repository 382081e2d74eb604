// The bff's baseline in `npm run bench -- bff`: a bare Node reverse proxy (node:http, keep-alive,
// bodies streamed) that adds the same credentials the bff adds and maps the same paths
// (`/bff/api/<env>/<api path>` to `<api path>`). Run as its own process, as the bff is.
//   UPSTREAM=http://127.0.0.1:8831 PORT=18833 BEARER=<jwt> ADMIN_KEY=dev-admin-key node scripts/lib/bench-bare-proxy.ts
import http from "node:http";

const upstream = new URL(process.env.UPSTREAM ?? "http://127.0.0.1:8787");
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const PREFIX = /^\/bff\/api\/[^/]+/;

const server = http.createServer((req, res) => {
  const forwarded = http.request(
    {
      host: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: (req.url ?? "/").replace(PREFIX, ""),
      agent,
      headers: {
        accept: req.headers.accept ?? "*/*",
        ...(req.headers["content-type"] ? { "content-type": req.headers["content-type"] } : {}),
        authorization: `Bearer ${process.env.BEARER}`,
        "x-admin-api-key": process.env.ADMIN_KEY ?? "",
      },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  forwarded.on("error", () => {
    res.writeHead(502).end();
  });
  req.pipe(forwarded);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 18833), "127.0.0.1", () => console.log("bare proxy ready"));
