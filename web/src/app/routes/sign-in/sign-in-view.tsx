import { Trash2 } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { SignInWithProvider } from "@/features/auth/components/sign-in-with-provider";
import { safeRedirect } from "@/lib/safe-redirect";
import type { SignInSearch } from "./search";

/**
 * The sign-in page for the search it was reached with. Free of the router, so that a browser
 * without a session shows it without loading one (`app/sign-in-app.tsx`, ADR 025); the console's
 * `/sign-in` route shows it too (`page.tsx`).
 */
export function SignInView({ redirect, expired, refused, signedOut }: SignInSearch) {
  const reason = refused ?? (expired ? "expired" : signedOut ? "signed-out" : undefined);
  return (
    <main className="grid min-h-dvh place-items-center px-4 py-10">
      <div className="grid w-full max-w-sm gap-4">
        <div className="flex items-center justify-center gap-2 text-lg font-semibold">
          <Trash2 aria-hidden="true" className="size-5" />
          Cleanup Console
        </div>
        <Card>
          <CardHeader>
            <div className="grid gap-1">
              <h1 className="text-base font-semibold leading-tight">Sign in</h1>
              <CardDescription>SmartphoneKey staff only, with your SmartphoneKey account.</CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <SignInWithProvider returnTo={safeRedirect(redirect)} reason={reason} />
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
