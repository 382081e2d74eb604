import type { TargetType } from "@cleanup/shared";
import { foldForSearch, prefixRanges } from "./natural-key.ts";

/** The search term in the forms the segments compare. */
export type Term = {
  /** As typed, trimmed (ids are matched as typed). */
  raw: string;
  /** Lower case (UUIDs, id prefixes). */
  lower: string;
  /** Folded as labels are (natural keys, FTS). */
  folded: string;
};

/** Collects a statement's bound values; `p(value)` is the placeholder of one. */
export class Params {
  readonly values: unknown[] = [];
  p(value: unknown): string {
    this.values.push(value);
    return `?${this.values.length}`;
  }
}

/**
 * One ordered slice of the results of one target type: its matches are found by index seeks
 * (`drivers`: one predicate per index range, their union being the slice) or by the type's FTS5
 * table, and come in `order`, the index's own order, so a page is the next `limit` entries of it.
 */
export type Segment = {
  /** `type:kind`, e.g. `lock:name-prefix`; cursors name it. */
  name: string;
  type: TargetType;
  /** Exact matches first, then prefixes, then UUID prefixes, then "contains". */
  rank: number;
  applies: (term: Term) => boolean;
  /** Index ranges whose union is the slice; absent for the FTS (contains) and the total listing. */
  drivers?: (term: Term, p: Params) => string[];
  /** The same slice as one predicate on `t`: later slices of the type exclude what it holds. */
  filter?: (term: Term, p: Params) => string;
  /**
   * A part of the label, read in windows of rowid order: `fts` looks the term up in the type's FTS5
   * table (3 characters or more); `scan` reads the rows themselves (`LIKE`) for a shorter term, which
   * no trigram index can look up.
   */
  contains?: "fts" | "scan";
  /** Key columns, in index order: the keyset cursor continues after the last row's values. */
  order: string[];
};

/** How a target type's rows become search items: its table, id, label and FTS table. */
export type TypeSource = {
  type: TargetType;
  table: string;
  id: string;
  label: string;
  /** The column the FTS table's rowid is (the lock id for locks, the rowid elsewhere). */
  rowid: string;
  ftsTable: string;
  /** The text the FTS table holds for a row (as its triggers write it). */
  text: string;
  /** The listing (empty q): every row, in this order, on an index. */
  listOrder: string[];
};

export const TOP = "\u{10FFFF}";
const LOCK_NUMBER = /^[1-9][0-9]{0,14}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A partial UUID is searched from its first group on: shorter hex is more likely part of a name. */
const UUID_PREFIX = /^[0-9a-f]{8}[0-9a-f-]{0,27}$/;
/** Lock ids are at most 15 digits (LockIdParam). */
const LOCK_ID_DIGITS = 15;
/** Trigrams: FTS5 cannot look up a shorter term. */
export const CONTAINS_MIN_CHARS = 3;

const range = (column: string, from: unknown, to: unknown, p: Params) =>
  `${column} >= ${p.p(from)} AND ${column} < ${p.p(to)}`;
const any = (predicates: string[]) => predicates.map((x) => `(${x})`).join(" OR ") || "0";

/** Ranges of `column` (a natural sort key) whose labels start with the term. */
const sortKeyDrivers = (column: string) => (term: Term, p: Params) =>
  prefixRanges(term.folded).map((r) => range(column, r.from, r.to, p));
/** Values of `column` that start with `value`, as one index range. */
const startsWith = (column: string, value: (t: Term) => string) => (term: Term, p: Params) =>
  range(column, value(term), value(term) + TOP, p);

export const SOURCES: Record<TargetType, TypeSource> = {
  lock: {
    type: "lock",
    table: "locks",
    id: "CAST(t.lock_id AS TEXT)",
    label: "t.name || ' (#' || t.lock_id || ')'",
    rowid: "t.lock_id",
    ftsTable: "locks_fts",
    text: "t.name",
    listOrder: ["t.lock_id"],
  },
  hub: {
    type: "hub",
    table: "hubs",
    id: "t.id",
    label: "t.name",
    rowid: "t.rowid",
    ftsTable: "hubs_fts",
    text: "t.name",
    listOrder: ["t.sort_key", "t.id"],
  },
  organization: {
    type: "organization",
    table: "organizations",
    id: "t.id",
    label: "t.name || ' (' || t.id || ')'",
    rowid: "t.rowid",
    ftsTable: "organizations_fts",
    text: "t.id || ' ' || t.name",
    listOrder: ["t.sort_key", "t.id"],
  },
  "project-key": {
    type: "project-key",
    table: "project_keys",
    id: "t.project_name || '/' || t.name",
    label: "t.project_name || '/' || t.name",
    rowid: "t.rowid",
    ftsTable: "project_keys_fts",
    text: "t.project_name || '/' || t.name",
    listOrder: ["t.sort_key", "t.project_name", "t.name"],
  },
};

/** Labels holding the term: FTS5 from 3 characters, a bounded scan of the rows below that. */
const contains = (type: TargetType): Segment[] => [
  {
    name: `${type}:contains`,
    type,
    rank: 3,
    applies: (t) => [...t.folded].length >= CONTAINS_MIN_CHARS,
    contains: "fts",
    order: ["f.rowid"],
  },
  {
    name: `${type}:contains-short`,
    type,
    rank: 3,
    applies: (t) => t.folded !== "" && [...t.folded].length < CONTAINS_MIN_CHARS,
    contains: "scan",
    order: ["f.rowid"],
  },
];

/**
 * Labels that start with the term, in natural order (a project key's label is its id). A term of
 * digits only is an id: it is looked up as one (and as a part of names, from 3 digits on), not as
 * the start of a name, which spares every type a dozen index ranges for each digit-run length.
 */
const namePrefix = (type: TargetType): Segment => {
  const drivers = sortKeyDrivers("t.sort_key");
  return {
    name: `${type}:${type === "project-key" ? "id-prefix" : "name-prefix"}`,
    type,
    rank: 1,
    applies: (t) => t.folded !== "" && !/^[0-9]+$/.test(t.raw),
    drivers,
    filter: (t, p) => any(drivers(t, p)),
    order: type === "lock" ? ["t.sort_key", "t.lock_id"] : SOURCES[type].listOrder,
  };
};

type Predicate = (term: Term, p: Params) => string;
/** A slice that is one index access: the same predicate drives it and excludes it later. */
const onIndex = (predicate: Predicate) => ({
  drivers: (t: Term, p: Params) => [predicate(t, p)],
  filter: predicate,
});

/** A partial UUID, from its first group on. */
const uuidPrefix = (type: TargetType, column: string): Segment => ({
  name: `${type}:uuid-prefix`,
  type,
  rank: 2,
  applies: (t) => UUID_PREFIX.test(t.lower),
  ...onIndex(startsWith(column, (x) => x.lower)),
  order: [column],
});

const lockIdDrivers = (term: Term, p: Params) => {
  const base = Number(term.raw);
  const ranges: string[] = [];
  for (let k = 0; term.raw.length + k <= LOCK_ID_DIGITS; k++) {
    const scale = 10 ** k;
    ranges.push(range("t.lock_id", base * scale, (base + 1) * scale, p));
  }
  return ranges;
};

/**
 * Every slice a search reads, per type, in the order results are given. Each slice is disjoint
 * from the ones before it of its type (they are excluded by their `filter`), so an item appears
 * once, at its best match, and the totals add up.
 */
export const SEGMENTS: Segment[] = [
  {
    name: "lock:exact",
    type: "lock",
    rank: 0,
    applies: (t) => LOCK_NUMBER.test(t.raw) || UUID.test(t.lower),
    ...onIndex((t, p) =>
      LOCK_NUMBER.test(t.raw) ? `t.lock_id = ${p.p(Number(t.raw))}` : `t.uuid = ${p.p(t.lower)}`,
    ),
    order: ["t.lock_id"],
  },
  {
    name: "lock:id-prefix",
    type: "lock",
    rank: 1,
    applies: (t) => LOCK_NUMBER.test(t.raw) && t.raw.length < LOCK_ID_DIGITS,
    drivers: lockIdDrivers,
    // The same set as the ranges: ids whose decimal digits start with the term.
    filter: startsWith("CAST(t.lock_id AS TEXT)", (t) => t.raw),
    order: ["t.lock_id"],
  },
  namePrefix("lock"),
  uuidPrefix("lock", "t.uuid"),
  ...contains("lock"),

  {
    name: "hub:exact",
    type: "hub",
    rank: 0,
    applies: (t) => UUID.test(t.lower),
    ...onIndex((t, p) => `t.id = ${p.p(t.lower)}`),
    order: ["t.id"],
  },
  namePrefix("hub"),
  uuidPrefix("hub", "t.id"),
  ...contains("hub"),

  {
    name: "organization:exact",
    type: "organization",
    rank: 0,
    applies: (t) => t.raw !== "",
    ...onIndex((t, p) => `t.id IN (${p.p(t.raw)}, ${p.p(t.lower)})`),
    order: ["t.id"],
  },
  {
    name: "organization:id-prefix",
    type: "organization",
    rank: 1,
    applies: (t) => t.raw !== "",
    ...onIndex(startsWith("t.id", (x) => x.raw)),
    order: ["t.id"],
  },
  namePrefix("organization"),
  ...contains("organization"),

  {
    name: "project-key:exact",
    type: "project-key",
    rank: 0,
    applies: (t) => /^[^/]+\/[^/]+$/.test(t.raw),
    ...onIndex((t, p) => {
      const [project, key] = t.raw.split("/");
      return `t.project_name = ${p.p(project)} AND t.name = ${p.p(key)}`;
    }),
    order: ["t.project_name", "t.name"],
  },
  namePrefix("project-key"),
  {
    name: "project-key:key-prefix",
    type: "project-key",
    rank: 1,
    applies: (t) => t.raw !== "" && !t.raw.includes("/"),
    ...onIndex(startsWith("t.name", (x) => x.raw)),
    order: ["t.name", "t.rowid"],
  },
  ...contains("project-key"),
];

/** The listing (empty q): one slice per type, every row in its list order. */
export const LISTINGS: Segment[] = Object.values(SOURCES).map((s) => ({
  name: `${s.type}:all`,
  type: s.type,
  rank: 0,
  applies: () => true,
  drivers: () => ["1"],
  order: s.listOrder,
}));

export function toTerm(q: string): Term {
  const raw = q.trim();
  return { raw, lower: raw.toLowerCase(), folded: foldForSearch(raw) };
}

/** An FTS5 query matching the term as one phrase: a substring, whatever characters it holds. */
export const ftsPhrase = (term: Term) => `"${term.folded.replaceAll('"', '""')}"`;

/** A `LIKE … ESCAPE '\\'` pattern holding the term anywhere, its own `%` and `_` matched as themselves. */
export const likeContains = (term: Term) => `%${term.raw.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
