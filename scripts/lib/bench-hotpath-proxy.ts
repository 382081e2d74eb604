// A bare Node reverse proxy: the least a proxy process costs on these cores, the baseline of the
// bff's hot-path figure. node:http, keep-alive both ways, bodies piped; it adds the same
// credentials the bff adds and maps the same paths (`/bff/api/<env>/<api path>` → `<api path>`).
//   UPSTREAM=http://127.0.0.1:8787 PORT=18857 BEARER=<jwt> ADMIN_KEY=dev-admin-key node scripts/lib/bench-hotpath-proxy.ts
import http from "node:http";

const upstream = new URL(process.env.UPSTREAM ?? "http://127.0.0.1:8787");
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const PREFIX = /^\/bff\/api\/[^/]+/;

const server = http.createServer((req, res) => {
  const headers: http.OutgoingHttpHeaders = {
    accept: req.headers.accept ?? "*/*",
    authorization: `Bearer ${process.env.BEARER}`,
    "x-admin-api-key": process.env.ADMIN_KEY ?? "",
  };
  if (req.headers["content-type"]) headers["content-type"] = req.headers["content-type"];
  if (req.headers["accept-encoding"]) headers["accept-encoding"] = req.headers["accept-encoding"];
  if (req.headers["content-length"]) headers["content-length"] = req.headers["content-length"];
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
server.listen(Number(process.env.PORT ?? 18857), "127.0.0.1", () => console.log("bare proxy ready"));
