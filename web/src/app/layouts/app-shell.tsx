import { getRouteApi, Link, Outlet, useNavigate } from "@tanstack/react-router";
import { Trash2 } from "lucide-react";
import { UserMenu } from "@/features/auth/components/user-menu";
import { EnvironmentBadge } from "@/features/environments/components/environment-badge";
import { EnvironmentSwitcher } from "@/features/environments/components/environment-switcher";
import { cn } from "@/lib/utils";

const route = getRouteApi("/_authed/$env");

/** Header with the environment badge, the signed-in user and sign-out, around every page of one environment. */
export function AppShell() {
  const { environment, session } = route.useRouteContext();
  const navigate = useNavigate();
  const production = environment.kind === "production";
  return (
    <div className="min-h-dvh">
      <header
        className={cn(
          "sticky top-0 z-40 border-b bg-background/95 backdrop-blur supports-[backdrop-filter]:bg-background/80",
          production && "border-t-4 border-t-env-production",
        )}
      >
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4">
          <Link
            to="/$env/search"
            params={{ env: environment.name }}
            className="flex items-center gap-2 rounded-md font-semibold outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            <Trash2 aria-hidden="true" className="size-5" />
            <span className="hidden sm:inline">Cleanup Console</span>
          </Link>
          <EnvironmentBadge name={environment.name} kind={environment.kind} />
          <EnvironmentSwitcher
            current={environment.name}
            environments={session.environments}
            onSwitch={(env) => void navigate({ to: "/$env/search", params: { env } })}
          />
          <div className="ml-auto">
            <UserMenu onSignedOut={() => void navigate({ to: "/sign-in", search: {} })} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">
        <Outlet />
      </main>
    </div>
  );
}
