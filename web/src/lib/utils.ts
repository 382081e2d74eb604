import { type ClassValue, clsx } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Joins class names and lets later Tailwind classes win over earlier conflicting ones.
 *
 * @example
 * cn("px-2 text-sm", isActive && "bg-accent", className) // the caller's className last
 */
export function cn(...inputs: ClassValue[]) {
  return twMerge(clsx(inputs));
}
