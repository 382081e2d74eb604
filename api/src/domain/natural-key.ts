/**
 * Natural keys: a label's `sort_key`, so that an index on it sorts "Hub 2" before "Hub 10", and
 * the index ranges that find every label starting with a search term.
 *
 * The key is the label folded for search (NFKD, diacritics removed, lower case) with every run of
 * digits written as its length in two digits followed by the digits: "Hub 2" is `hub 012`,
 * "Hub 10" is `hub 0210`. Runs compare by length first, then digit by digit: numerically.
 */

/** Digit runs longer than this are split (a key never holds a length of three digits). */
const MAX_RUN = 99;
/** Prefix search follows a trailing run of digits up to this many digits (see `prefixRanges`). */
export const PREFIX_MAX_RUN = 9;
/** Above every character a key can hold: the end of a prefix range. */
const TOP = "\u{10FFFF}";

/** The label as search compares it: decomposed, without combining marks, lower case. */
export function foldForSearch(s: string): string {
  return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

const encodeRun = (run: string): string => {
  let out = "";
  for (let i = 0; i < run.length; i += MAX_RUN) {
    const part = run.slice(i, i + MAX_RUN);
    out += String(part.length).padStart(2, "0") + part;
  }
  return out;
};

/**
 * The natural sort key of a label.
 *
 * @example
 * naturalKey("Hub 2 · Berg") // "hub 012 · berg"
 * naturalKey("Hub 10")       // "hub 0210"  (sorts after "hub 012")
 */
export function naturalKey(label: string): string {
  return foldForSearch(label).replace(/[0-9]+/g, encodeRun);
}

/** A half-open range `[from, to)` of sort keys. */
export type KeyRange = { from: string; to: string };

/**
 * The ranges of sort keys whose labels start with `term` (folded as labels are), in ascending
 * order. A term that ends in a letter is one range. A term that ends in digits ("hub 1") cannot
 * know how long that run is in the label ("Hub 1", "Hub 12", "Hub 123"), so it is one range per
 * possible run length, up to PREFIX_MAX_RUN digits: each an index seek, disjoint and in key order.
 *
 * @example
 * prefixRanges("Front") // [{ from: "front", to: "front\u{10FFFF}" }]
 * prefixRanges("hub 1") // [{ from: "hub 011", … }, { from: "hub 021", … }, … { from: "hub 091", … }]
 */
export function prefixRanges(term: string): KeyRange[] {
  const folded = foldForSearch(term);
  const trailing = /[0-9]+$/.exec(folded)?.[0] ?? "";
  if (trailing === "") {
    const from = naturalKey(folded);
    return [{ from, to: from + TOP }];
  }
  const head = naturalKey(folded.slice(0, folded.length - trailing.length));
  // A run longer than MAX_RUN was split on encoding; keep the finished parts, follow the last one.
  const whole = trailing.length - (trailing.length % MAX_RUN || MAX_RUN);
  const done = encodeRun(trailing.slice(0, whole));
  const open = trailing.slice(whole);
  const ranges: KeyRange[] = [];
  for (let length = open.length; length <= Math.max(open.length, PREFIX_MAX_RUN); length++) {
    const from = `${head}${done}${String(length).padStart(2, "0")}${open}`;
    ranges.push({ from, to: from + TOP });
  }
  return ranges;
}
