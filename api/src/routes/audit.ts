import {
  AuditIdPathParams,
  AuditListQuery,
  type AuditListResponse,
  type AuditRecord,
  AuditVerifyQuery,
} from "@cleanup/shared";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { findAuditRow, listAudit } from "../audit/audit-index.ts";
import { verifyAuditChain } from "../audit/verify-chain.ts";
import { ApiError } from "../http/errors.ts";
import { NoQuery, validParams, validQuery } from "../http/validate.ts";

const CURSOR_RE = /^[1-9][0-9]{0,14}$/;

/** `GET /admin/audit` (filters, cursor paging), `/admin/audit/verify`, `/admin/audit/{id}`. */
export const auditRoutes = new Hono<AppEnv>()
  .get("/admin/audit", validQuery(AuditListQuery), async (c) => {
    const query = c.req.valid("query");
    if (query.cursor !== undefined && !CURSOR_RE.test(query.cursor)) {
      throw ApiError.badRequest([
        { field: "cursor", message: "must be a cursor returned by a previous page" },
      ]);
    }
    const body: AuditListResponse = await listAudit(c.env.DB, {
      ...query,
      cursorSeq: query.cursor ? Number(query.cursor) : null,
    });
    return c.json(body);
  })
  .get("/admin/audit/verify", validQuery(AuditVerifyQuery), async (c) =>
    c.json(await verifyAuditChain(c.env, c.req.valid("query"))),
  )
  .get("/admin/audit/:id", validParams(AuditIdPathParams), validQuery(NoQuery), async (c) => {
    const row = await findAuditRow(c.env.DB, c.req.valid("param").id);
    const object = row ? await c.env.EVENTS.get(row.path) : null;
    if (!object) throw ApiError.notFound(`No audit record ${c.req.valid("param").id}`);
    return c.json(JSON.parse(await object.text()) as AuditRecord);
  });
