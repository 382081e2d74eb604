import path from "node:path";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./precompress.ts";

/** React and TanStack Router: what the sign-in page and every console page run on. */
const FRAMEWORK =
  /node_modules[\\/](react|react-dom|scheduler|@tanstack[\\/](react-router|router-core|history|react-store|store))[\\/]/;
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
        // Long-cached chunks with plain names, split by who needs them (ADR 025): `vendor`, the part
        // of React and the router the sign-in page runs (a module's place is decided before unused
        // code is dropped, so only what its static imports reach); `vendor-console`, the rest of
        // them; `query` and `zod`, which only the console's routes use.
        codeSplitting: {
          groups: [
            { name: "vendor", tags: ["$initial"], test: FRAMEWORK },
            { name: "vendor-console", test: FRAMEWORK },
            { name: "query", test: QUERY },
            { name: "zod", test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
});
