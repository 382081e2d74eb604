import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { createRelyingParty } from "./oidc/relying-party.ts";

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(`[bff] ${err.message}`);
  process.exit(1);
}
for (const warning of config.warnings) console.warn(`[bff] warning: ${warning}`);

const app = await createApp(config);
createRelyingParty(config.oidc)
  .discover()
  .then(
    () => console.log(`[bff] sign-in at ${config.oidc.issuer} (client ${config.oidc.clientId})`),
    (err: Error) => console.error(`[bff] warning: ${err.message} Sign-in fails until it answers.`),
  );
const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  const envs = config.environments.map((e) => `${e.name} → ${e.apiUrl}`).join(", ");
  console.log(`[bff] Cleanup Console on http://localhost:${info.port}  (environments: ${envs})`);
});

function shutdown(signal: string) {
  console.log(`[bff] ${signal}: closing`);
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
