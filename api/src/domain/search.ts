import type { SearchItem, SearchResponse, SearchTotal, TargetType } from "@cleanup/shared";
import { ApiError } from "../http/errors.ts";
import {
  ftsPhrase,
  LISTINGS,
  likeContains,
  Params,
  SEGMENTS,
  type Segment,
  SOURCES,
  type Term,
  toTerm,
} from "./search-segments.ts";

/** Counting stops here: a total above it is given as "at least". */
export const COUNT_CAP = 1000;
/**
 * FTS matches one page of "contains" looks at. The matches that are also exact or prefix matches
 * (already listed above them) are skipped, and there may be any number of those ("Front Do" is in
 * 12,000 names, all of them prefix matches): a page reads at most this many and, if it found fewer
 * than `limit` others, hands on a cursor after the last one it read.
 */
export const CONTAINS_WINDOW = 400;
/** Rows a page of "contains" for a 1–2 character term reads (no index can find those). */
export const SCAN_WINDOW = 1000;
const TYPE_ORDER: TargetType[] = ["lock", "hub", "organization", "project-key"];

type Key = (string | number)[];
type Row = { id: string; label: string; keep?: number; examined?: number } & Record<
  `k${number}`,
  string | number
>;
type Cursor = { v: 1; q: string; t: string; s: string; k: Key };
/** One SQL statement of a search, with what it is for (the bench prints their query plans). */
export type SearchStatement = { segment: string; purpose: "page" | "count"; sql: string; values: unknown[] };

export type SearchRequest = {
  q: string;
  type?: TargetType | undefined;
  limit: number;
  cursor?: string | undefined;
};

/** The slices a search reads, in result order: exact matches of every type first, then prefixes… */
function segmentsFor(term: Term, type: TargetType | undefined): Segment[] {
  const pool = term.raw === "" ? LISTINGS : SEGMENTS;
  return pool
    .filter((s) => (type === undefined || s.type === type) && s.applies(term))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
        pool.indexOf(a) - pool.indexOf(b),
    );
}

/** The same-type slices before `segment`: rows they hold are not repeated in it. */
function earlierOf(segment: Segment, all: Segment[]): Segment[] {
  return all.filter((s) => s.type === segment.type && s.filter && all.indexOf(s) < all.indexOf(segment));
}

const keysetAfter = (order: string[], after: Key, p: Params) =>
  order.length === 1
    ? `${order[0]} > ${p.p(after[0])}`
    : `(${order.join(", ")}) > (${after.map((v) => p.p(v)).join(", ")})`;

/**
 * One slice's statement: `page` selects its next rows after `after` in key order; `count` counts
 * its rows up to COUNT_CAP + 1. Either way each index range (or the FTS lookup) is read only as far
 * as the LIMIT, so the cost follows the page size, not the table's.
 */
function segmentStatement(slice: SliceQuery): SearchStatement {
  const p = new Params();
  const sql = segmentSelect(slice, p);
  return { segment: slice.segment.name, purpose: slice.purpose, sql, values: p.values };
}

/** What one slice's statement reads: its rows (`page`, after `after`, up to `limit`) or its count. */
type SliceQuery = {
  purpose: "page" | "count";
  segment: Segment;
  /** Every slice of the search, in result order. */
  all: Segment[];
  term: Term;
  after: Key | null;
  limit: number;
};

/** The SQL of segmentStatement, its values added to `p` (so it can stand inside another statement). */
function segmentSelect(slice: SliceQuery, p: Params): string {
  const { purpose, segment, all, term, after, limit } = slice;
  const excluded = earlierOf(segment, all).map((e) => `NOT IFNULL((${e.filter!(term, p)}), 0)`);
  if (segment.contains) {
    // A type whose keyed slices already passed COUNT_CAP has a total that is a lower bound whatever
    // "contains" adds: its count is skipped (a common name's FTS candidates are all prefix matches,
    // each a row lookup to find that out), and is exact whenever the total is.
    const uncapped =
      purpose === "count"
        ? earlierOf(segment, all)
            .filter((e) => !e.contains)
            .map((e) => {
              const count = segmentSelect(
                { purpose: "count", segment: e, all, term, after: null, limit: 0 },
                p,
              );
              return `(${count}) <= ${COUNT_CAP}`;
            })
        : [];
    return windowSelect(purpose, segment, term, p, excluded, uncapped, after, limit);
  }
  const source = SOURCES[segment.type];
  const columns =
    purpose === "page"
      ? `${source.id} AS id, ${source.label} AS label, ${segment.order.map((c, i) => `${c} AS k${i}`).join(", ")}`
      : "1";
  const afterKey = after ? [keysetAfter(segment.order, after, p)] : [];
  const lim = p.p(purpose === "page" ? limit : COUNT_CAP + 1);
  const orderBy = purpose === "page" ? ` ORDER BY ${segment.order.join(", ")}` : "";
  const one = (from: string, where: string[]) =>
    `SELECT ${columns} FROM ${from} WHERE ${[...where, ...afterKey, ...excluded].join(" AND ")}${orderBy} LIMIT ${lim}`;

  let select: string;
  const drivers = segment.drivers!(term, p);
  const from = `${source.table} t`;
  if (drivers.length === 1) select = one(from, drivers);
  else {
    // Disjoint index ranges: each read to the LIMIT, merged in key order.
    const union = unionAll(drivers.map((d) => one(from, [d])));
    const keys = segment.order.map((_, i) => `k${i}`).join(", ");
    select = purpose === "page" ? `${union} ORDER BY ${keys} LIMIT ${lim}` : union;
  }
  return purpose === "page" ? select : `SELECT count(*) AS n FROM (${select})`;
}

/** Rows one page of "contains" looks at (see CONTAINS_WINDOW, SCAN_WINDOW). */
export const windowOf = (segment: Segment, limit: number) =>
  segment.contains === "scan" ? Math.max(SCAN_WINDOW, limit) : Math.max(CONTAINS_WINDOW, limit);

/**
 * A "contains" slice: a window of candidates in rowid order (FTS5 matches, or for a 1–2 character
 * term the rows themselves), each marked whether it is kept (it holds the term and no earlier slice
 * holds it). `page` returns the kept rows, the window's last row and how many it examined, so a page
 * that found fewer than `limit` in a full window hands on a cursor after it; `count` counts the kept
 * among the first COUNT_CAP + 1.
 */
function windowSelect(
  purpose: "page" | "count",
  segment: Segment,
  term: Term,
  p: Params,
  excluded: string[],
  /** Conditions for counting at all (`count` only): when one fails, the count is 0 of 0 examined. */
  countIf: string[],
  after: Key | null,
  limit: number,
): string {
  const source = SOURCES[segment.type];
  const size = p.p(purpose === "page" ? windowOf(segment, limit) : COUNT_CAP + 1);
  const afterRow = after ? p.p(after[0]) : null;
  let candidates: string;
  const keeps = [...excluded];
  if (segment.contains === "fts") {
    const match = [
      `${source.ftsTable} MATCH ${p.p(ftsPhrase(term))}`,
      ...(afterRow ? [`rowid > ${afterRow}`] : []),
    ];
    const fts = `SELECT rowid FROM ${source.ftsTable} WHERE ${match.join(" AND ")} ORDER BY rowid LIMIT ${size}`;
    candidates = `(${fts}) f JOIN ${source.table} t ON ${source.rowid} = f.rowid`;
  } else {
    const scan = `SELECT ${source.rowid} AS rowid FROM ${source.table} t${afterRow ? ` WHERE ${source.rowid} > ${afterRow}` : ""} ORDER BY ${source.rowid} LIMIT ${size}`;
    candidates = `(${scan}) f JOIN ${source.table} t ON ${source.rowid} = f.rowid`;
    keeps.unshift(`${source.text} LIKE ${p.p(likeContains(term))} ESCAPE '\\'`);
  }
  const keep = keeps.length > 0 ? `(${keeps.join(" AND ")})` : "1";
  if (purpose === "page") {
    return `WITH w AS MATERIALIZED (SELECT f.rowid AS k0, ${keep} AS keep, ${source.id} AS id, ${source.label} AS label FROM ${candidates})
         SELECT k0, keep, CASE WHEN keep THEN id END AS id, CASE WHEN keep THEN label END AS label, (SELECT count(*) FROM w) AS examined
         FROM w WHERE keep OR k0 = (SELECT max(k0) FROM w) ORDER BY k0`;
  }
  const only = countIf.length > 0 ? ` WHERE ${countIf.join(" AND ")}` : "";
  return `SELECT COALESCE(SUM(keep), 0) AS n, COUNT(*) AS examined FROM (SELECT ${keep} AS keep FROM ${candidates})${only}`;
}

/** D1 (workerd's SQLite) allows at most this many terms in one compound SELECT. */
const COMPOUND_MAX = 5;

/** `UNION ALL` of the selects, nested in groups of at most COMPOUND_MAX terms. */
function unionAll(selects: string[]): string {
  if (selects.length <= COMPOUND_MAX) return selects.map((s) => `SELECT * FROM (${s})`).join(" UNION ALL ");
  const size = Math.ceil(selects.length / COMPOUND_MAX);
  const groups: string[] = [];
  for (let i = 0; i < selects.length; i += size) groups.push(unionAll(selects.slice(i, i + size)));
  return unionAll(groups);
}

function encodeCursor(cursor: Cursor): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(cursor))))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

function decodeCursor(raw: string, term: Term, type: TargetType | undefined, segments: Segment[]) {
  const refuse = () =>
    ApiError.badRequest([{ field: "cursor", message: "is not a cursor of this search (same q and type)" }]);
  let cursor: Cursor;
  try {
    const bytes = Uint8Array.from(atob(raw.replaceAll("-", "+").replaceAll("_", "/")), (c) =>
      c.charCodeAt(0),
    );
    cursor = JSON.parse(new TextDecoder().decode(bytes)) as Cursor;
  } catch {
    throw refuse();
  }
  const index = segments.findIndex((s) => s.name === cursor?.s);
  const segment = segments[index];
  const keyOk =
    Array.isArray(cursor?.k) &&
    cursor.k.length === segment?.order.length &&
    cursor.k.every((v) => typeof v === "string" || typeof v === "number");
  if (cursor?.v !== 1 || cursor.q !== term.raw || cursor.t !== (type ?? "") || !segment || !keyOk)
    throw refuse();
  return { index, after: cursor.k };
}

/**
 * The statements of one search page: the rows of each slice from the cursor on, and on the first
 * page the totals (the per-type row counts for a listing).
 */
export function searchStatements(db: D1Database, request: SearchRequest) {
  const term = toTerm(request.q);
  const segments = segmentsFor(term, request.type);
  if (request.cursor && !request.type) {
    throw ApiError.badRequest([{ field: "cursor", message: "pages one type at a time: send type too" }]);
  }
  const start = request.cursor ? decodeCursor(request.cursor, term, request.type, segments) : null;
  const from = segments.slice(start?.index ?? 0);
  const pages = from.map((s, i) =>
    segmentStatement({
      purpose: "page",
      segment: s,
      all: segments,
      term,
      after: i === 0 ? (start?.after ?? null) : null,
      limit: request.limit + 1,
    }),
  );
  const counts = start
    ? []
    : term.raw === ""
      ? [
          {
            segment: "listing",
            purpose: "count" as const,
            sql: "SELECT target_type AS type, n FROM search_counts",
            values: [],
          },
        ]
      : segments.map((s) =>
          segmentStatement({ purpose: "count", segment: s, all: segments, term, after: null, limit: 0 }),
        );
  const prepare = (s: SearchStatement) => db.prepare(s.sql).bind(...s.values);
  return { term, segments: from, pages, counts, prepare };
}

function totalOf(parts: { n: number; capped: boolean }[]): SearchTotal {
  const n = parts.reduce((sum, x) => sum + x.n, 0);
  return parts.some((x) => x.capped) ? { totalAtLeast: n } : { total: n };
}

/**
 * Finds deletable targets by exact id or UUID, by prefix of a name, id or UUID, and by a part of
 * a name (3 characters or more, FTS5 trigram); an empty `q` lists. Results come slice by slice
 * (exact matches of every type first, then prefixes, then UUID prefixes, then "contains"), each in
 * its index's order: natural order for names ("Hub 2" before "Hub 10"), key order elsewhere.
 * Every slice is an index seek or an FTS lookup read as far as the page, and the whole page is one
 * D1 round trip; `nextCursor` continues it (keyset paging). The first page carries the totals.
 *
 * @example
 * await searchTargets(env.DB, { q: "1001", limit: 20 })
 * // { items: [{ type: "lock", id: "1001", label: "Garage · Berg (#1001)" }, …], total: 3, byType: {…} }
 */
export async function searchTargets(db: D1Database, request: SearchRequest): Promise<SearchResponse> {
  const { term, segments, pages, counts, prepare } = searchStatements(db, request);
  if (pages.length === 0) return { items: [], total: 0 };
  const results = await db.batch<Record<string, unknown>>([...pages, ...counts].map(prepare));

  const page = request.type
    ? inKeyOrder(segments, results, request.limit)
    : interleaved(segments, results, request.limit);
  const response: SearchResponse = { items: page.items };
  if (page.last) {
    const { segment, key } = page.last;
    response.nextCursor = encodeCursor({ v: 1, q: term.raw, t: request.type ?? "", s: segment.name, k: key });
  }
  if (counts.length > 0)
    Object.assign(response, totals(term, segments, results.slice(pages.length), request.type));
  return response;
}

type Page = { items: SearchItem[]; last: { segment: Segment; key: Key } | null };

const keyOf = (segment: Segment, row: Row): Key => segment.order.map((_, i) => row[`k${i}`]!);
/** A "contains" row an earlier slice already holds (FTS windows return those too, marked). */
const skipped = (row: Row) => row.keep === 0;

/** One type: slice after slice, each in key order; `last` is where the next page starts. */
function inKeyOrder(segments: Segment[], results: D1Result<Record<string, unknown>>[], limit: number): Page {
  const items: SearchItem[] = [];
  let last: Page["last"] = null;
  for (const [i, segment] of segments.entries()) {
    const rows = (results[i]?.results ?? []) as Row[];
    for (const row of rows) {
      if (skipped(row)) continue;
      if (items.length === limit) return { items, last };
      items.push({ type: segment.type, id: row.id, label: row.label });
      last = { segment, key: keyOf(segment, row) };
    }
    // A full window may have more matches after it: the next page goes on from its last row.
    const end = rows.at(-1);
    if (segment.contains && end && Number(end.examined) >= windowOf(segment, limit + 1)) {
      return { items, last: { segment, key: keyOf(segment, end) } };
    }
  }
  return { items, last: null };
}

/**
 * Every type: by kind of match, and within it the types take turns, so one type cannot crowd an
 * exact match of another off the page. Paging is per type (`type` and `nextCursor`).
 */
function interleaved(segments: Segment[], results: D1Result<Record<string, unknown>>[], limit: number): Page {
  const position = new Map<string, number>();
  const ranked = segments.flatMap((segment, i) =>
    ((results[i]?.results ?? []) as Row[])
      .filter((row) => !skipped(row))
      .slice(0, limit)
      .map((row) => {
        const slot = `${segment.rank}:${segment.type}`;
        const at = position.get(slot) ?? 0;
        position.set(slot, at + 1);
        return { segment, row, at };
      }),
  );
  ranked.sort(
    (a, b) =>
      a.segment.rank - b.segment.rank ||
      a.at - b.at ||
      TYPE_ORDER.indexOf(a.segment.type) - TYPE_ORDER.indexOf(b.segment.type),
  );
  const items = ranked
    .slice(0, limit)
    .map(({ segment, row }) => ({ type: segment.type, id: row.id, label: row.label }));
  return { items, last: null };
}

function totals(
  term: Term,
  segments: Segment[],
  results: D1Result<Record<string, unknown>>[],
  type: TargetType | undefined,
): Pick<SearchResponse, "total" | "totalAtLeast" | "byType"> {
  const perType = new Map<TargetType, { n: number; capped: boolean }[]>();
  if (term.raw === "") {
    for (const row of (results[0]?.results ?? []) as { type: TargetType; n: number }[]) {
      if (type === undefined || row.type === type) perType.set(row.type, [{ n: row.n, capped: false }]);
    }
  } else {
    segments.forEach((segment, i) => {
      const row = (results[i]?.results[0] ?? {}) as { n?: number; examined?: number };
      const n = Number(row.n ?? 0);
      // "contains" counts within its first COUNT_CAP + 1 matches: beyond, it is a lower bound.
      const capped = Number(row.examined ?? n) > COUNT_CAP;
      const parts = perType.get(segment.type) ?? [];
      parts.push({ n: Math.min(n, COUNT_CAP), capped });
      perType.set(segment.type, parts);
    });
  }
  const byType: Partial<Record<TargetType, SearchTotal>> = {};
  for (const t of TYPE_ORDER) {
    const parts = perType.get(t);
    if (parts) byType[t] = totalOf(parts);
  }
  return { ...totalOf([...perType.values()].flat()), byType };
}
