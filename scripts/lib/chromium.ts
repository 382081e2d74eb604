import { existsSync } from "node:fs";

/**
 * How every browser run here launches Chromium (e2e, the web component tests, the bench):
 * Debian's `/usr/bin/chromium` (or CHROMIUM_PATH) when present, else Playwright's own download,
 * with the flags a headless, offline, root container needs.
 */
export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const executablePath =
    process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  return {
    ...(executablePath ? { executablePath } : {}),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  };
}
