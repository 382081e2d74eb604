import type { AuditListResponse, AuditRecord } from "@cleanup/shared";
import { findAuditRow, listAudit } from "../audit/audit-index.ts";
import { verifyAuditChain } from "../audit/verify-chain.ts";
import { ApiError } from "../http/errors.ts";
import type { EndpointHandlers } from "./endpoint-handler.ts";

const CURSOR_RE = /^[1-9][0-9]{0,14}$/;

/** `GET /admin/audit` (filters, cursor paging), `/admin/audit/verify`, `/admin/audit/{id}`. */
export const auditHandlers: EndpointHandlers<"listAudit" | "verifyAudit" | "getAuditRecord"> = {
  listAudit: async (c, { query }) => {
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
  },
  verifyAudit: async (c, { query }) => c.json(await verifyAuditChain(c.env, query)),
  getAuditRecord: async (c, { params }) => {
    const row = await findAuditRow(c.env.DB, params.id);
    const object = row ? await c.env.EVENTS.get(row.path) : null;
    if (!object) throw ApiError.notFound(`No audit record ${params.id}`);
    return c.json(JSON.parse(await object.text()) as AuditRecord);
  },
};
