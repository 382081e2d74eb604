/** The encodings the build prepares, by preference, and the file suffix of each. */
export const PREPARED_ENCODINGS = [
  { encoding: "br", suffix: ".br" },
  { encoding: "gzip", suffix: ".gz" },
] as const;
export type PreparedEncoding = (typeof PREPARED_ENCODINGS)[number]["encoding"];

/** `q` of each coding in an Accept-Encoding header; `*` under its own name. */
function qualities(header: string): Map<string, number> {
  const q = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q.set(name.trim(), Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0);
  }
  return q;
}

/**
 * The prepared encoding to send for an `Accept-Encoding` header, among those `available` for the
 * file: the client's highest `q` wins, brotli before gzip when equal; `q=0` refuses one, `*`
 * stands for any not named. Null for none (send the file as it is).
 *
 * @example chooseEncoding("gzip, deflate, br", ["br", "gzip"]) // "br"
 * @example chooseEncoding("br;q=0, gzip", ["br", "gzip"]) // "gzip"
 */
export function chooseEncoding(
  header: string | undefined,
  available: readonly PreparedEncoding[],
): PreparedEncoding | null {
  if (!header) return null;
  const q = qualities(header);
  let best: PreparedEncoding | null = null;
  let bestQ = 0;
  for (const { encoding } of PREPARED_ENCODINGS) {
    if (!available.includes(encoding)) continue;
    const value = q.get(encoding) ?? q.get("*") ?? 0;
    if (value > bestQ) {
      best = encoding;
      bestQ = value;
    }
  }
  return best;
}
