import { type ClassValue, clsx } from "clsx";

let merge: (classes: string) => string = (classes) => classes;

/**
 * Lets {@link cn} resolve conflicting Tailwind classes with `twMerge`. The console calls it as it
 * loads (`app/console-app.tsx`); the sign-in page runs without tailwind-merge (9 KB of its
 * JavaScript, ADR 025) and gives no component a class that conflicts with its own, which
 * `app/sign-in-app.test.tsx` checks.
 *
 * @example mergeClassesWith(twMerge)
 */
export function mergeClassesWith(merger: (classes: string) => string) {
  merge = merger;
}

/**
 * Joins class names and, in the console (see {@link mergeClassesWith}), lets later Tailwind
 * classes win over earlier conflicting ones.
 *
 * @example
 * cn("px-2 text-sm", isActive && "bg-accent", className) // the caller's className last
 */
export function cn(...inputs: ClassValue[]) {
  return merge(clsx(inputs));
}
