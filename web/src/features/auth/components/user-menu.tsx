import { LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useSession } from "../api/get-session";
import { useLogout } from "../api/logout";

export function UserMenu({ onSignedOut }: { onSignedOut: () => void }) {
  const { data: session } = useSession();
  const logout = useLogout({ onSuccess: onSignedOut });
  if (!session) return null;
  return (
    <div className="flex items-center gap-3">
      <span className="hidden max-w-48 truncate text-sm text-muted-foreground lg:inline" title={session.name}>
        <span className="sr-only">Signed in as </span>
        {session.email}
      </span>
      <Button variant="outline" size="sm" onClick={() => logout.mutate()} disabled={logout.isPending}>
        <LogOut aria-hidden="true" />
        Sign out
      </Button>
    </div>
  );
}
