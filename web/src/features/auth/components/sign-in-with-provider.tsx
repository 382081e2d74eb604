import { STAFF_DOMAIN } from "@cleanup/shared/staff";
import { CircleAlert, Clock, LogIn, LogOut } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { signInUrl } from "../api/sign-in-url";

export interface SignInWithProviderProps {
  /** The same-origin path to come back to after the provider's page. */
  returnTo: string;
  /** Why the user is here: their session ended, the provider's account is not staff, or they signed out. */
  reason?: "expired" | "not-staff" | "signed-out" | undefined;
}

/**
 * "Sign in with SmartphoneKey": a link to the bff's `/bff/login`, which sends the browser to the
 * staff identity provider's own sign-in page and back to `returnTo`. Passwords never reach this page.
 */
export function SignInWithProvider({ returnTo, reason }: SignInWithProviderProps) {
  return (
    <div className="grid gap-4">
      {reason === "expired" && (
        <Alert variant="warning" role="status">
          <Clock aria-hidden="true" />
          <AlertTitle>Your session expired</AlertTitle>
          <AlertDescription>Sign in again to continue where you were.</AlertDescription>
        </Alert>
      )}
      {reason === "not-staff" && (
        <Alert variant="destructive" role="alert">
          <CircleAlert aria-hidden="true" />
          <AlertTitle>This account is not staff</AlertTitle>
          <AlertDescription>
            Only staff accounts (@{STAFF_DOMAIN}) can use the Cleanup Console. You were signed out of
            SmartphoneKey again, so you can sign in with another account.
          </AlertDescription>
        </Alert>
      )}
      {reason === "signed-out" && (
        <Alert role="status">
          <LogOut aria-hidden="true" />
          <AlertTitle>You are signed out</AlertTitle>
          <AlertDescription>Of the console and of SmartphoneKey on this browser.</AlertDescription>
        </Alert>
      )}
      <a className={cn(buttonVariants(), "w-full")} href={signInUrl(returnTo)}>
        <LogIn aria-hidden="true" />
        Sign in with SmartphoneKey
      </a>
    </div>
  );
}
