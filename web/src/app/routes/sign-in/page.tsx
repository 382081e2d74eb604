import { getRouteApi } from "@tanstack/react-router";
import { SignInView } from "./sign-in-view";

const route = getRouteApi("/sign-in");

/** The console's `/sign-in` page: reached signed in (it redirects) or when a session expires. */
export function SignInPage() {
  return <SignInView {...route.useSearch()} />;
}
