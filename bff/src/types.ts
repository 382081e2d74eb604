import type { Config } from "./config.ts";
import type { Session } from "./session.ts";

export type { Session };

/** Context variables every bff handler can read through `c.var`. */
export interface AppEnv {
  Variables: {
    config: Config;
    requestId: string;
    session: Session | undefined;
  };
}
