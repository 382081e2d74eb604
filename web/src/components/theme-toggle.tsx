import { Monitor, Moon, Sun } from "lucide-react";
import { Button } from "@/components/ui/button";
import { type Theme, useTheme } from "@/lib/theme";

const next: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };
const icons = { system: Monitor, light: Sun, dark: Moon } as const;

/** Cycles the colour theme: system → light → dark. The choice is kept in localStorage. */
export function ThemeToggle() {
  const [theme, setTheme] = useTheme();
  const Icon = icons[theme];
  return (
    <Button
      variant="ghost"
      size="icon"
      className="size-8"
      aria-label={`Theme: ${theme}. Switch to ${next[theme]}`}
      title={`Theme: ${theme} (click for ${next[theme]})`}
      onClick={() => setTheme(next[theme])}
    >
      <Icon aria-hidden="true" />
    </Button>
  );
}
