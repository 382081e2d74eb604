import { createServer } from "node:http";
import { IdpConfigError, loadIdpConfig } from "./config.ts";
import { createIdp } from "./provider.ts";

let config: ReturnType<typeof loadIdpConfig>;
try {
  config = loadIdpConfig();
} catch (err) {
  if (!(err instanceof IdpConfigError)) throw err;
  console.error(`[idp] ${err.message}`);
  process.exit(1);
}

const idp = createIdp(config);
const server = createServer((req, res) => void idp.handle(req, res));
server.listen(config.port, () => {
  const clients = config.clients.map((c) => c.client_id).join(", ");
  console.log(`[idp] OpenID provider ${config.issuer} on port ${config.port} (clients: ${clients})`);
});

function shutdown(signal: string) {
  console.log(`[idp] ${signal}: closing`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 3_000).unref();
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
