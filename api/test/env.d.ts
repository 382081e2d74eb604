import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      /** Test-only binding from vitest.config.ts: the D1 migrations applied by test/setup.ts. */
      TEST_MIGRATIONS: D1Migration[];
      /** Stage project only: the private key of the stand-in external issuer (a JWK as JSON). */
      TEST_ISSUER_PRIVATE_JWK?: string;
      /** jwks-down project only: how many times the api tried the unreachable issuer's keys. */
      TEST_JWKS_ATTEMPTS_URL?: string;
    }
  }
}
