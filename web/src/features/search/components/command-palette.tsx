import type { SearchItem } from "@cleanup/shared";
import { useNavigate } from "@tanstack/react-router";
import type * as React from "react";
import { useEffect, useRef, useState } from "react";
import { errorMessage } from "@/components/errors/error-alert";
import {
  Command,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
} from "@/components/ui/command";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { targetLink, targetTypeNames } from "@/lib/target-links";
import { groupByType } from "../api/group-results";
import { useSearchTargets } from "../api/search-targets";
import { useDebouncedValue } from "../hooks/use-debounced-value";
import { TargetIcon } from "./target-icon";

/** A command that is not a search result: a page to go to, a setting to change. */
export interface PaletteCommand {
  id: string;
  label: string;
  icon?: React.ReactNode;
  keywords?: string[];
  run: () => void;
}

export interface CommandPaletteProps {
  environment: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Shown under "Go to", filtered by what is typed. */
  commands: PaletteCommand[];
}

function matches(command: PaletteCommand, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [command.label, ...(command.keywords ?? [])].some((s) => s.toLowerCase().includes(needle));
}

/**
 * Ctrl/⌘-K: one search across locks, hubs, organizations and project keys by id, UUID or name,
 * results grouped by type, plus the console's pages. Arrow keys move, Enter opens, Escape closes.
 */
export function CommandPalette({ environment, open, onOpenChange, commands }: CommandPaletteProps) {
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 150);
  const navigate = useNavigate();
  const search = useSearchTargets(environment, { q, limit: 30 }, { enabled: open });
  const groups = groupByType(search.data?.items ?? [], q);
  const shownCommands = commands.filter((c) => matches(c, text));
  // Results arrive after the typing: keep the highlight on the first of the current ones, so Enter
  // opens what is on screen, not an item of an earlier query.
  const values = [
    ...groups.flatMap(([type, items]) => items.map((i) => `${type}:${i.id}`)),
    ...shownCommands.map((c) => `command:${c.id}`),
  ];
  const firstValue = values[0] ?? "";
  const [selected, setSelected] = useState("");
  const valuesKey = values.join("\n");
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the list itself changes
  useEffect(() => setSelected(firstValue), [valuesKey]);

  // Closed by choosing something: focus goes to where that leads (the new page's heading), not back
  // to the button that opened the palette.
  const chosen = useRef(false);
  const close = () => {
    chosen.current = true;
    onOpenChange(false);
    setText("");
  };
  const openTarget = (item: SearchItem) => {
    const link = targetLink(environment, item);
    if (!link) return;
    close();
    void navigate(link);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setText("");
        onOpenChange(next);
      }}
    >
      <DialogContent
        className="gap-0 p-0"
        onCloseAutoFocus={(event) => {
          if (chosen.current) event.preventDefault();
          chosen.current = false;
        }}
      >
        <DialogTitle className="sr-only">Search the console</DialogTitle>
        <DialogDescription className="sr-only">
          Find a lock, hub, organization or project key in {environment} by id, UUID or name, or go to a page.
        </DialogDescription>
        <Command
          shouldFilter={false}
          label="Find a target or page"
          loop
          value={selected}
          onValueChange={setSelected}
        >
          <CommandInput
            value={text}
            onValueChange={setText}
            placeholder={`Search ${environment}: id, UUID or name…`}
            aria-label="Find a target or page"
            trailing={
              search.isFetching ? (
                <Spinner />
              ) : (
                <kbd className="rounded border bg-muted px-1.5 text-[10px] text-muted-foreground">Esc</kbd>
              )
            }
          />
          <CommandList>
            {search.isError ? (
              <p role="alert" className="px-3 py-4 text-sm text-destructive">
                Search failed: {errorMessage(search.error)}
              </p>
            ) : (
              !search.isPending &&
              shownCommands.length === 0 &&
              groups.length === 0 && <CommandEmpty>Nothing matches “{text.trim()}”.</CommandEmpty>
            )}
            {groups.map(([type, items]) => (
              <CommandGroup key={type} heading={targetTypeNames[type].title}>
                {items.map((item) => (
                  <CommandItem
                    key={`${type}:${item.id}`}
                    value={`${type}:${item.id}`}
                    onSelect={() => openTarget(item)}
                  >
                    <TargetIcon type={type} className="text-muted-foreground" />
                    <span className="min-w-0 flex-1 truncate">{item.label}</span>
                    <span className="max-w-[40%] truncate font-mono text-xs text-muted-foreground">
                      {item.id}
                    </span>
                  </CommandItem>
                ))}
              </CommandGroup>
            ))}
            {shownCommands.length > 0 && (
              <CommandGroup heading="Go to">
                {shownCommands.map((command) => (
                  <CommandItem
                    key={command.id}
                    value={`command:${command.id}`}
                    onSelect={() => {
                      close();
                      command.run();
                    }}
                  >
                    {command.icon}
                    {command.label}
                  </CommandItem>
                ))}
              </CommandGroup>
            )}
          </CommandList>
        </Command>
      </DialogContent>
    </Dialog>
  );
}
