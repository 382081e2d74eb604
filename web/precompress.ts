import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/** What is worth compressing: text the bff serves. Source maps stay on the server, so never. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;

/**
 * A copy is worth keeping when it saves more than the `Content-Encoding` header it costs: so small
 * scripts (a 300-byte route chunk, `theme.js`) travel compressed too, as every script of the first
 * load must (ADR 025).
 */
function worthKeeping(copy: Buffer, raw: Buffer, encoding: "br" | "gzip"): boolean {
  return copy.length + `Content-Encoding: ${encoding}\r\n`.length < raw.length;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * Writes `name.br` (brotli, quality 11) and `name.gz` (gzip, level 9) beside every text file of
 * the build, so the bff sends compressed bytes without compressing on each request. A copy is
 * kept only when it saves more than the header that announces it.
 *
 * @example plugins: [react(), tailwindcss(), precompress()]
 */
export function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "cleanup-console:precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle: {
      order: "post",
      sequential: true,
      handler() {
        for (const file of filesUnder(outDir)) {
          if (!COMPRESSIBLE.test(file)) continue;
          const raw = readFileSync(file);
          const br = brotliCompressSync(raw, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          });
          const gz = gzipSync(raw, { level: 9 });
          if (worthKeeping(br, raw, "br")) writeFileSync(`${file}.br`, br);
          if (worthKeeping(gz, raw, "gzip")) writeFileSync(`${file}.gz`, gz);
        }
      },
    },
  };
}
