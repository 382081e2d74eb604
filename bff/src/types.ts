import type { Config } from "./config.ts";

/** What the encrypted session cookie holds; `exp` is the JWT's expiry in seconds since the epoch. */
export interface Session {
  jwt: string;
  email: string;
  name: string;
  exp: number;
}

/** Context variables every bff handler can read through `c.var`. */
export interface AppEnv {
  Variables: {
    config: Config;
    requestId: string;
    session: Session | undefined;
  };
}
