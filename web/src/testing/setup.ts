import "vitest-browser-react";
import { twMerge } from "tailwind-merge";
import "../index.css";
import { mergeClassesWith } from "@/lib/utils";

// As in the console (app/console-app.tsx): components under test merge their classes.
mergeClassesWith(twMerge);
