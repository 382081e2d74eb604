export * from "./audit.ts";
export * from "./auth.ts";
export * from "./deletion.ts";
export * from "./errors.ts";
export * from "./headers.ts";
export * from "./ids.ts";
export * from "./staff.ts";
export * from "./targets.ts";
