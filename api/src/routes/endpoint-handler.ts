import type { ENDPOINTS, EndpointName } from "@cleanup/shared";
import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../app-env.ts";

type Def<N extends EndpointName> = (typeof ENDPOINTS)[N];
type Out<D, K extends string> = D extends { [P in K]: infer S extends z.ZodType }
  ? z.output<S>
  : Record<string, never>;

/** What an endpoint's handler gets, validated by its pipeline with the schemas of its table row. */
export type EndpointInput<N extends EndpointName> = {
  params: Out<Def<N>, "params">;
  query: Out<Def<N>, "query">;
  body: Out<Def<N>, "body">;
};

export type EndpointHandler<N extends EndpointName> = (
  c: Context<AppEnv>,
  input: EndpointInput<N>,
) => Response | Promise<Response>;

/** Every endpoint's handler; the table decides its path, method and middleware. */
export type EndpointHandlers<N extends EndpointName> = { [K in N]: EndpointHandler<K> };
