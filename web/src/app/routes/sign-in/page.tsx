import { getRouteApi } from "@tanstack/react-router";
import { Trash2 } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { SignInWithProvider } from "@/features/auth/components/sign-in-with-provider";
import { safeRedirect } from "@/lib/safe-redirect";

const route = getRouteApi("/sign-in");

export function SignInPage() {
  const { redirect, expired, refused, signedOut } = route.useSearch();
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
