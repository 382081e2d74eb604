import { ENDPOINT_LIST, type EndpointDef, type EndpointName } from "@cleanup/shared";
import type { Context, Hono, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";
import { requireAdminKey } from "../auth/admin-key.ts";
import { requireIdentity, requireStaff } from "../auth/jwt.ts";
import { deletionHeaders } from "../http/deletion-headers.ts";
import { devOnly } from "../http/dev-only.ts";
import { ApiError } from "../http/errors.ts";
import { NoQuery, optionalJsonBody, validJson, validParams, validQuery } from "../http/validate.ts";
import { HANDLERS } from "./handlers.ts";
import { auditRefusals } from "./refusal-audit.ts";

/** The published callers of endpoints 4 and 5: a Bearer token (the handler judges it); a wrong admin key is refused. */
const publishedCaller = () => [requireAdminKey({ optional: true }), requireIdentity()];

/** Who may call, as middleware over what `authenticate()` read (see `Access` in the table). */
const ACCESS: Record<EndpointDef["access"], () => MiddlewareHandler<AppEnv>[]> = {
  public: () => [],
  staff: () => [requireAdminKey(), requireIdentity(), requireStaff()],
  "org-admin": publishedCaller,
  "project-secrets": publishedCaller,
};

/**
 * An endpoint's pipeline, in order: the refusal audit of a deletion (first, so it sees every later
 * refusal), access, dev-only, the deletion headers, and the validators of its params, query and body.
 */
function pipeline(def: EndpointDef): MiddlewareHandler<AppEnv>[] {
  const chain: MiddlewareHandler<AppEnv>[] = [];
  if (def.deletes) chain.push(auditRefusals(def.deletes));
  chain.push(...ACCESS[def.access]());
  if (def.devOnly === "hidden") chain.push(devOnly({ hide: true }));
  if (def.devOnly === "forbidden") {
    chain.push(devOnly(def.deletes ? { message: `${def.deletes.action} is only allowed in dev` } : {}));
  }
  if (def.deletes) chain.push(deletionHeaders());
  if (def.params) chain.push(validParams(def.params));
  if (def.query) chain.push(validQuery(def.query));
  else if (def.access !== "public") chain.push(validQuery(NoQuery));
  if (def.body) chain.push(validJson(def.body));
  if (def.optionalBody) chain.push(optionalJsonBody(def.optionalBody));
  return chain;
}

/** Runs the endpoint's handler with what its validators produced. */
function invoke(name: EndpointName) {
  const handler = HANDLERS[name] as (c: Context<AppEnv>, input: unknown) => Response | Promise<Response>;
  return (c: Context<AppEnv>) => {
    const valid = c.req as unknown as { valid: (target: string) => unknown };
    const get = (target: string) => {
      try {
        return valid.valid(target);
      } catch {
        return {};
      }
    };
    return handler(c, { params: get("param") ?? {}, query: get("query") ?? {}, body: get("json") ?? {} });
  };
}

/** The static part of a path, before its first parameter: `/admin/cleanup/locks/`. */
const prefixOf = (path: string) => path.slice(0, path.indexOf(":"));

/**
 * Registers every endpoint of the table with its pipeline and handler. After them, each deletion's
 * malformed paths under its prefix (an empty id, extra segments) get a catch-all (`…/*`, no route of
 * the document) that answers 404 through the same refusal audit, as a refused attempt at it.
 */
export function registerEndpoints(app: Hono<AppEnv>): Hono<AppEnv> {
  for (const { name, ...def } of ENDPOINT_LIST) {
    const paths = def.trailingSlashOptional ? [def.path, def.path.replace(/\/$/, "")] : [def.path];
    app.on(def.method, paths, ...pipeline(def), invoke(name));
  }
  for (const { method, path, deletes } of ENDPOINT_LIST) {
    if (!deletes) continue;
    const prefix = path.includes(":") ? prefixOf(path) : `${path}/`;
    const raw = (c: Context<AppEnv>) => {
      const rest = new URL(c.req.url).pathname.slice(prefix.length);
      try {
        return decodeURIComponent(rest);
      } catch {
        return rest;
      }
    };
    app.on(method, `${prefix}*`, auditRefusals(deletes, raw), (c) => {
      throw ApiError.notFound(`No route for ${c.req.method} ${c.req.path}`);
    });
  }
  return app;
}
