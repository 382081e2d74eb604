import path from "node:path";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./precompress.ts";

/** React: all the sign-in page runs on, and every console page. */
const REACT = /node_modules[\\/](react|react-dom|scheduler)[\\/]/;
/** TanStack Router: the console's; the sign-in page has no routes (ADR 025). */
const ROUTER = /node_modules[\\/]@tanstack[\\/](react-router|router-core|history|react-store|store)[\\/]/;
/** TanStack Query: the console's cache; the sign-in page has nothing to cache. */
const QUERY = /node_modules[\\/]@tanstack[\\/](react-query|query-core)[\\/]/;

const bffPort = process.env.BFF_PORT || "8080";

export default defineConfig({
  // Brotli and gzip copies of the build's text files, which the bff serves by Accept-Encoding.
  plugins: [react(), tailwindcss(), precompress()],
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
  server: {
    port: 5173,
    proxy: { "/bff": { target: `http://127.0.0.1:${bffPort}`, changeOrigin: false } },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Written for reading stack traces, not referenced from the bundle; the bff does not serve them.
    sourcemap: "hidden",
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // The icon groups' names list every chunk that shares them: one short name instead.
        chunkFileNames: (chunk) =>
          chunk.name.startsWith("icons~") ? "assets/icons-[hash].js" : "assets/[name]-[hash].js",
        // Long-cached chunks with plain names, split by who needs them (ADR 025): `vendor` (React),
        // all the sign-in page needs of a library besides its icons; `router`, `query` and `zod`,
        // which only the console loads. Icons go by the set of chunks that use them, small sets
        // merged, so a page fetches no 200-byte file per icon (too small to be worth compressing).
        codeSplitting: {
          groups: [
            { name: "vendor", test: REACT },
            { name: "router", test: ROUTER },
            { name: "query", test: QUERY },
            { name: "zod", test: /node_modules[\\/]zod[\\/]/ },
            {
              name: "icons",
              test: /node_modules[\\/]lucide-react[\\/]/,
              entriesAware: true,
              entriesAwareMergeThreshold: 1500,
            },
          ],
        },
      },
    },
  },
});
