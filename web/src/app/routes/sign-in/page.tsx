import { getRouteApi, useRouter } from "@tanstack/react-router";
import { Clock, Trash2 } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { SignInForm } from "@/features/auth/components/sign-in-form";
import { safeRedirect } from "@/lib/safe-redirect";

const route = getRouteApi("/sign-in");

export function SignInPage() {
  const { redirect, expired } = route.useSearch();
  const router = useRouter();
  return (
    <main className="grid min-h-dvh place-items-center px-4 py-10">
      <div className="grid w-full max-w-sm gap-4">
        <div className="flex items-center justify-center gap-2 text-lg font-semibold">
          <Trash2 aria-hidden="true" className="size-5" />
          Cleanup Console
        </div>
        {expired && (
          <Alert variant="warning" role="status">
            <Clock aria-hidden="true" />
            <AlertTitle>Your session expired</AlertTitle>
            <AlertDescription>Sign in again to continue where you were.</AlertDescription>
          </Alert>
        )}
        <Card>
          <CardHeader>
            <div className="grid gap-1">
              <h1 className="text-base font-semibold leading-tight">Sign in</h1>
              <CardDescription>SmartphoneKey staff only.</CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <SignInForm onSignedIn={() => router.history.push(safeRedirect(redirect))} />
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
