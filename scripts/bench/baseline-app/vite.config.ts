// Built in a temporary copy whose node_modules is the console's (web/node_modules): the same Vite,
// React plugin and library versions as the console.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({ plugins: [react()], logLevel: "warn", build: { emptyOutDir: true } });
