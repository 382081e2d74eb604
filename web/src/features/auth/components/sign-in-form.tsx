import { type SessionResponse, STAFF_DOMAIN } from "@cleanup/shared";
import { CircleAlert, LogIn } from "lucide-react";
import { useId, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { isApiError, requestIdOf } from "@/lib/api-client";
import { useLogin } from "../api/login";

function describeError(error: unknown): { title: string; message: string } {
  if (isApiError(error, 401)) {
    return { title: "Wrong email or password", message: "Check both and try again." };
  }
  if (isApiError(error, 403)) {
    return {
      title: "This account is not staff",
      message: `Only staff accounts (@${STAFF_DOMAIN}) can use the Cleanup Console.`,
    };
  }
  if (isApiError(error, 429)) {
    return { title: "Too many attempts", message: error.message };
  }
  if (isApiError(error)) {
    return { title: "Sign-in failed", message: error.message };
  }
  return { title: "Sign-in failed", message: error instanceof Error ? error.message : String(error) };
}

export interface SignInFormProps {
  onSignedIn: (session: SessionResponse) => void;
}

export function SignInForm({ onSignedIn }: SignInFormProps) {
  const login = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const errorId = useId();
  const error = login.error ? describeError(login.error) : null;
  const requestId = requestIdOf(login.error);

  return (
    <form
      className="grid gap-4"
      aria-describedby={error ? errorId : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        login.mutate({ email: email.trim(), password }, { onSuccess: onSignedIn });
      }}
    >
      {error && (
        <Alert variant="destructive" role="alert" id={errorId}>
          <CircleAlert aria-hidden="true" />
          <AlertTitle>{error.title}</AlertTitle>
          <AlertDescription>
            <p>{error.message}</p>
            {requestId && <p className="text-xs text-muted-foreground">Request id: {requestId}</p>}
          </AlertDescription>
        </Alert>
      )}
      <div className="grid gap-2">
        <Label htmlFor="sign-in-email">Email</Label>
        <Input
          id="sign-in-email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={isApiError(login.error) || undefined}
        />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="sign-in-password">Password</Label>
        <Input
          id="sign-in-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={isApiError(login.error, 401) || undefined}
        />
      </div>
      <Button type="submit" disabled={login.isPending}>
        {login.isPending ? <Spinner /> : <LogIn aria-hidden="true" />}
        Sign in
      </Button>
    </form>
  );
}
