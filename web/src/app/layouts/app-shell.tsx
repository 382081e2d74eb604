import { getRouteApi, Link, Outlet, useNavigate } from "@tanstack/react-router";
import { Eraser, ListChecks, Moon, ScrollText, Search, Sun, Trash2, UserCheck } from "lucide-react";
import { lazy, Suspense, useEffect, useState } from "react";
import { Toaster } from "sonner";
import { SkipLink } from "@/components/skip-link";
import { ThemeToggle } from "@/components/theme-toggle";
import { Button } from "@/components/ui/button";
import { useApprovalToasts } from "@/features/approvals/hooks/use-approval-toasts";
import { UserMenu } from "@/features/auth/components/user-menu";
import { EnvironmentBadge } from "@/features/environments/components/environment-badge";
import { EnvironmentSwitcher } from "@/features/environments/components/environment-switcher";
import type { PaletteCommand } from "@/features/search/components/command-palette";
import { setTheme, useTheme } from "@/lib/theme";
import { cn } from "@/lib/utils";
import { useRouteFocus } from "./use-route-focus";

const route = getRouteApi("/_authed/$env");

const loadPalette = () => import("@/features/search/components/command-palette");
// The palette's code (cmdk, its dialog) loads on first use, not with every page.
const CommandPalette = lazy(() => loadPalette().then((m) => ({ default: m.CommandPalette })));

const toastColours = {
  "--normal-bg": "var(--popover)",
  "--normal-text": "var(--popover-foreground)",
  "--normal-border": "var(--border)",
  "--success-bg": "var(--success-muted)",
  "--success-text": "var(--success)",
  "--success-border": "var(--success)",
  "--error-bg": "var(--destructive-muted)",
  "--error-text": "var(--destructive)",
  "--error-border": "var(--destructive)",
  "--warning-bg": "var(--warning-muted)",
  "--warning-text": "var(--foreground)",
  "--warning-border": "var(--warning)",
  "--info-bg": "var(--popover)",
  "--info-text": "var(--popover-foreground)",
  "--info-border": "var(--border)",
} as React.CSSProperties;

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** Ctrl-K / ⌘-K anywhere toggles the palette, even from inside an input. */
function usePaletteShortcut(toggle: () => void) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === "k" && (event.metaKey || event.ctrlKey) && !event.altKey) {
        event.preventDefault();
        toggle();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [toggle]);
}

const navLink =
  "inline-flex h-8 items-center gap-1.5 whitespace-nowrap rounded-md px-2.5 text-sm font-medium text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 [&_svg]:size-4";

/** A link of the main navigation: icon and label, the label hidden (but still named) on narrow screens. */
function NavItem(props: {
  to: "/$env/search" | "/$env/jobs" | "/$env/audit" | "/$env/reset" | "/$env/approvals";
  env: string;
  icon: React.ReactNode;
  label: string;
}) {
  return (
    <Link
      to={props.to}
      params={{ env: props.env }}
      className={navLink}
      // Icon only below 1280 px: the name shows on hover too.
      title={props.label}
      activeProps={{ "aria-current": "page", className: "bg-accent text-foreground" }}
    >
      {props.icon}
      <span className="hidden xl:inline">{props.label}</span>
      <span className="sr-only xl:hidden">{props.label}</span>
    </Link>
  );
}

/**
 * Around every page of one environment: the environment badge (and switcher), navigation, the
 * command palette (Ctrl/⌘-K), the theme toggle, the signed-in user with sign-out, and toasts.
 */
export function AppShell() {
  const { environment, session } = route.useRouteContext();
  const navigate = useNavigate();
  const [theme] = useTheme();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [paletteLoaded, setPaletteLoaded] = useState(false);
  useRouteFocus("#main");
  const production = environment.kind === "production";
  const dev = environment.kind === "dev";
  const env = environment.name;
  useApprovalToasts(env, session.email);

  const openPalette = (open: boolean) => {
    if (open) setPaletteLoaded(true);
    setPaletteOpen(open);
  };
  usePaletteShortcut(() => {
    setPaletteLoaded(true);
    setPaletteOpen((o) => !o);
  });

  const commands: PaletteCommand[] = [
    {
      id: "search",
      label: "Search page",
      icon: <Search aria-hidden="true" />,
      keywords: ["find"],
      run: () => void navigate({ to: "/$env/search", params: { env } }),
    },
    {
      id: "jobs",
      label: "Jobs",
      icon: <ListChecks aria-hidden="true" />,
      keywords: ["deletions", "running", "progress"],
      run: () => void navigate({ to: "/$env/jobs", params: { env } }),
    },
    {
      id: "audit",
      label: "Audit log",
      icon: <ScrollText aria-hidden="true" />,
      keywords: ["history", "records", "export"],
      run: () => void navigate({ to: "/$env/audit", params: { env } }),
    },
    {
      id: "approvals",
      label: "Approvals",
      icon: <UserCheck aria-hidden="true" />,
      keywords: ["approve", "reject", "second approver", "waiting"],
      run: () => void navigate({ to: "/$env/approvals", params: { env } }),
    },
    ...(dev
      ? [
          {
            id: "reset",
            label: `Reset ${env}`,
            icon: <Eraser aria-hidden="true" />,
            keywords: ["delete-all", "wipe", "environment"],
            run: () => void navigate({ to: "/$env/reset", params: { env } }),
          },
        ]
      : []),
    {
      id: "theme",
      label: theme === "dark" ? "Use the light theme" : "Use the dark theme",
      icon: theme === "dark" ? <Sun aria-hidden="true" /> : <Moon aria-hidden="true" />,
      keywords: ["theme", "dark", "light", "colour"],
      run: () => setTheme(theme === "dark" ? "light" : "dark"),
    },
  ];

  return (
    <div className="min-h-dvh">
      <SkipLink targetId="main" className="focus:fixed focus:top-2 focus:left-2 focus:z-50">
        Skip to content
      </SkipLink>
      <header
        className={cn(
          "sticky top-0 z-40 border-b bg-background/95 backdrop-blur supports-[backdrop-filter]:bg-background/80",
          production && "border-t-4 border-t-env-production",
        )}
      >
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:gap-3">
          <Link
            to="/$env/search"
            params={{ env }}
            className="flex items-center gap-2 rounded-md font-semibold outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
            aria-label="Cleanup Console home"
          >
            <Trash2 aria-hidden="true" className="size-5" />
            <span className="hidden whitespace-nowrap 2xl:inline">Cleanup Console</span>
          </Link>
          <EnvironmentBadge name={env} kind={environment.kind} />
          <EnvironmentSwitcher
            current={env}
            environments={session.environments}
            onSwitch={(next) => void navigate({ to: "/$env/search", params: { env: next } })}
          />
          <nav aria-label="Main" className="flex items-center gap-1">
            <NavItem to="/$env/search" env={env} icon={<Search aria-hidden="true" />} label="Search" />
            <NavItem to="/$env/jobs" env={env} icon={<ListChecks aria-hidden="true" />} label="Jobs" />
            <NavItem to="/$env/audit" env={env} icon={<ScrollText aria-hidden="true" />} label="Audit log" />
            <NavItem
              to="/$env/approvals"
              env={env}
              icon={<UserCheck aria-hidden="true" />}
              label="Approvals"
            />
            {dev && (
              <NavItem
                to="/$env/reset"
                env={env}
                icon={<Eraser aria-hidden="true" />}
                label={`Reset ${env}`}
              />
            )}
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <Button
              variant="outline"
              size="sm"
              className="text-muted-foreground"
              onClick={() => openPalette(true)}
              onPointerEnter={() => void loadPalette()}
              onFocus={() => void loadPalette()}
              aria-keyshortcuts={isMac ? "Meta+K" : "Control+K"}
            >
              <Search aria-hidden="true" />
              <span className="hidden sm:inline">Find…</span>
              <kbd className="hidden rounded border bg-muted px-1 font-sans text-[10px] sm:inline">
                {isMac ? "⌘K" : "Ctrl K"}
              </kbd>
              <span className="sr-only">Open the command palette</span>
            </Button>
            <ThemeToggle />
            <UserMenu onSignedOut={() => void navigate({ to: "/sign-in", search: {} })} />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 outline-none">
        <Outlet />
      </main>
      {paletteLoaded && (
        <Suspense fallback={null}>
          <CommandPalette
            environment={env}
            open={paletteOpen}
            onOpenChange={openPalette}
            commands={commands}
          />
        </Suspense>
      )}
      {/* Top right, under the header: a toast never covers a table or the page's own result. */}
      <Toaster
        theme={theme}
        richColors
        closeButton
        position="top-right"
        offset={{ top: 72, right: 16 }}
        // Sonner's own rich colours miss 4.5:1 (green on pale green is 4.25): the console's tokens.
        style={toastColours}
      />
    </div>
  );
}
