// Vars that wrangler.jsonc deliberately leaves unset (so `wrangler types` does not see them): each
// run or deployment passes them (`--var`, `wrangler secret put`); config.ts validates them.
declare namespace Cloudflare {
  interface Env {
    ENVIRONMENT_NAME?: string;
    ADMIN_API_KEY?: string;
    DEV_LOGIN_PASSWORD?: string;
  }
}
