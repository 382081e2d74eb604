import path from "node:path";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./precompress.ts";

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
    rolldownOptions: {
      output: {
        // The framework every page needs changes rarely: one long-cached chunk with a plain name.
        codeSplitting: {
          groups: [
            {
              name: "vendor",
              test: /node_modules[\\/](react|react-dom|scheduler|zod|@tanstack[\\/](react-router|router-core|history|react-query|query-core|react-store|store))[\\/]/,
            },
          ],
        },
      },
    },
  },
});
