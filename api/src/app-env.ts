import type { RequestIdVariables } from "hono/request-id";
import type { Config } from "./config.ts";

/** Who made the request, once the JWT is verified. */
export type Identity = {
  sub: string;
  email: string;
  name: string;
  emailVerified: boolean;
  staff: boolean;
  permissions: string[];
};

export type AppVariables = RequestIdVariables & {
  config: Config;
  /** Set by the JWT middleware; absent before it ran or when it refused the request. */
  identity?: Identity;
  /** Set once the admin key matched: before that, a caller's own text (a reason) is not recorded. */
  adminKeyAccepted?: boolean;
  /** Set by a destructive route once it wrote its own audit record, so refusals are not logged twice. */
  audited?: boolean;
};

/** Hono's environment for every route and middleware of the api. */
export type AppEnv = { Bindings: Env; Variables: AppVariables };
