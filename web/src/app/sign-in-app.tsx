import { parseSearch } from "@/lib/search-params";
import { type SignInSearch, validateSignInSearch } from "./routes/sign-in/search";
import { SignInView } from "./routes/sign-in/sign-in-view";

type Place = Pick<Location, "pathname" | "search" | "hash">;

/**
 * Where a browser without a session is and what its sign-in page says: `/sign-in` keeps its
 * search; any other address is replaced by `/sign-in?redirect=<that address>` (`url`), so signing
 * in comes back to it, as the console's `_authed` route sends a session that expired.
 *
 * @example signInPlace({ pathname: "/dev/search", search: "?q=1001", hash: "" }) // { url: "/sign-in?redirect=%2Fdev%2Fsearch%3Fq%3D1001", search: { redirect: "/dev/search?q=1001" } }
 */
export function signInPlace({ pathname, search, hash }: Place): { url: string | null; search: SignInSearch } {
  if (pathname.replace(/\/+$/, "") === "/sign-in") {
    return { url: null, search: validateSignInSearch(parseSearch(search)) };
  }
  const redirect = `${pathname}${search}${hash}`;
  return { url: `/sign-in?${new URLSearchParams({ redirect })}`, search: validateSignInSearch({ redirect }) };
}

/**
 * The app of a browser without a session (`start.tsx`): the sign-in page alone, without the
 * router, Query or the contract (ADR 025). Its one way on is the link to the provider, which
 * comes back to a fresh load that finds the session and starts the console.
 */
export function signInApp() {
  const { url, search } = signInPlace(window.location);
  if (url) window.history.replaceState(null, "", url);
  return <SignInView {...search} />;
}
