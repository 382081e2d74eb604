import type { z } from "zod";

/** A path parameter that is not what its page takes: a sentence for the user, not a list of issues. */
export class BadParamError extends Error {
  readonly param: string;
  readonly value: string;
  constructor(param: string, value: string, sentence: string) {
    super(sentence);
    this.name = "BadParamError";
    this.param = param;
    this.value = value;
  }
}

/** The {@link BadParamError} behind a route's error: the router wraps it in its own, as the cause. */
export function badParamOf(error: unknown): BadParamError | null {
  if (error instanceof BadParamError) return error;
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof BadParamError ? cause : null;
}

/**
 * Parses one path parameter with its contract schema; a value the schema refuses throws a
 * {@link BadParamError} whose message says, in words, what the page takes instead.
 *
 * @example parseParam(LockIdParam, "abc", "lockId", "is not a lock id: a lock is named by its number (1001) or its UUID")
 */
export function parseParam<S extends z.ZodType<unknown, string>>(
  schema: S,
  value: string,
  param: string,
  whatItTakes: string,
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new BadParamError(param, value, `“${value}” ${whatItTakes}.`);
}

/** What an organization, project or key name may be, in words (the contract's `NameParam`). */
export const NAME_RULE = "names are 1 to 64 letters, digits, '-' or '_', starting with a letter or digit";
