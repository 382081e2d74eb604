import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createServer } from "node:net";

/** Asks the OS for a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Fails fast when something already listens on `port`: otherwise the readiness check would be
 * answered by that other server (an earlier `npm start`, say) and report a start that failed.
 */
export async function requirePortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", (err: NodeJS.ErrnoException) =>
      reject(
        err.code === "EADDRINUSE"
          ? new Error(
              `Port ${port} for ${what} is already in use (another npm start?); stop it or pick another port`,
            )
          : err,
      ),
    );
    server.listen(port, () => server.close(() => resolve()));
  });
}

/** Runs a command to completion; rejects with its output when it fails. */
export async function run(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: "pipe" });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}\n${out}`)),
    );
  });
}

/**
 * Starts a long-running process in its own process group, its output appended to `logFile`.
 * `stop()` ends the whole group (wrangler starts workerd children); `kill()` ends it at once with
 * SIGKILL, as a crash would, and resolves when the process has exited.
 */
export function startBackground(
  cmd: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): { child: ChildProcess; stop: () => Promise<void>; kill: () => Promise<void> } {
  const log = createWriteStream(opts.logFile, { flags: "a" });
  const child = spawn(cmd, args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  // Known from the start, so that stopping a process that already exited does not wait for ever.
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const gone = () => child.exitCode !== null || child.signalCode !== null || child.pid === undefined;
  const stop = async () => {
    if (gone()) return;
    try {
      process.kill(-(child.pid as number), "SIGTERM");
    } catch {
      return;
    }
    const timeout = setTimeout(() => {
      try {
        process.kill(-(child.pid as number), "SIGKILL");
      } catch {}
    }, 5000);
    await exited;
    clearTimeout(timeout);
  };
  const kill = async () => {
    if (gone()) return;
    try {
      process.kill(-(child.pid as number), "SIGKILL");
    } catch {
      return;
    }
    await exited;
  };
  return { child, stop, kill };
}

/**
 * Polls `url` until it answers (any HTTP status below 500) or `timeoutMs` passes. `refusal` reads an
 * answer that means the server will never be ready (a configuration it refuses): its message ends
 * the wait at once.
 */
export async function waitForHttp(
  url: string,
  timeoutMs: number,
  isAlive: () => boolean,
  refusal: (res: Response) => Promise<string | null> = async () => null,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`process serving ${url} exited before it answered`);
    let refused: string | null = null;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
      refused = await refusal(res);
    } catch {}
    if (refused) throw new Error(refused);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
