import type { SearchItem, TargetType } from "@cleanup/shared";
import { Link } from "@tanstack/react-router";
import { ChevronRight, History, ScrollText, Search } from "lucide-react";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { ErrorAlert } from "@/components/errors/error-alert";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { targetLink, targetTypeNames } from "@/lib/target-links";
import { cn } from "@/lib/utils";
import { groupByType } from "../api/group-results";
import { searchLimit, useSearchTargets } from "../api/search-targets";
import { useDebouncedValue } from "../hooks/use-debounced-value";
import { TargetIcon } from "./target-icon";

export interface TargetSearchProps {
  environment: string;
  /** One type, or all of them. */
  type: TargetType | undefined;
  /** The query in the URL; the input follows it and writes back after a short pause. */
  q: string;
  onQueryChange: (q: string) => void;
  /** How many of each type the environment holds, when the page knows: "Locks (12 of 80)". */
  totals?: Partial<Record<TargetType, number>> | undefined;
}

/** Moves focus between the search box and the result links with the arrow keys. */
function useArrowNavigation() {
  const listRef = useRef<HTMLElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const links = () =>
    Array.from(listRef.current?.querySelectorAll<HTMLAnchorElement>("a[data-result]") ?? []);
  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      const first = links()[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  };
  const onListKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      all[Math.min(index + 1, all.length - 1)]?.focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (index === 0) inputRef.current?.focus();
      else all[index - 1]?.focus();
    } else if (event.key === "Home") {
      event.preventDefault();
      all[0]?.focus();
    } else if (event.key === "End") {
      event.preventDefault();
      all[all.length - 1]?.focus();
    }
  };
  return { listRef, inputRef, onInputKeyDown, onListKeyDown };
}

const rowClass =
  "flex items-center gap-3 rounded-md px-3 py-2 outline-none hover:bg-accent focus-visible:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50";

function ResultLink({ environment, item }: { environment: string; item: SearchItem }) {
  const link = targetLink(environment, item);
  const body = (
    <>
      <TargetIcon type={item.type} className="size-4 shrink-0 text-muted-foreground" />
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium">{item.label}</span>
        <span className="block truncate font-mono text-xs text-muted-foreground">{item.id}</span>
      </span>
      <ChevronRight aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
    </>
  );
  if (!link) return <div className={rowClass}>{body}</div>;
  return (
    <Link data-result {...link} className={rowClass}>
      {body}
    </Link>
  );
}

/** The type filter: links, so the choice is in the URL and works with Back. */
function TypeFilter({ type }: { type: TargetType | undefined }) {
  const options: [TargetType | undefined, string][] = [
    [undefined, "All"],
    ...Object.entries(targetTypeNames).map(([t, n]): [TargetType, string] => [t as TargetType, n.title]),
  ];
  return (
    <nav aria-label="Target type">
      <ul className="flex flex-wrap gap-1 rounded-lg border bg-muted/50 p-1">
        {options.map(([value, label]) => (
          <li key={label}>
            <Link
              from="/$env/search"
              to="/$env/search"
              search={(prev) => ({ ...prev, type: value })}
              replace
              aria-current={value === type ? "page" : undefined}
              className={cn(
                "inline-flex h-8 items-center rounded-md px-3 text-sm font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
                value === type && "bg-card text-foreground shadow-xs",
              )}
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const NUMBER = /^[1-9][0-9]{0,14}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * When nothing matches an id, the target may be gone: where its story is. A lock's number or a
 * UUID opens the target's page (which says who deleted it, when and why), and the audit log is
 * filtered by the id. Reachable with ↓ like results.
 */
function GoneTargetLinks({ environment, q }: { environment: string; q: string }) {
  const pages = NUMBER.test(q)
    ? [{ label: `Lock ${q}: was it deleted?`, link: targetLink(environment, { type: "lock", id: q }) }]
    : UUID.test(q)
      ? [
          { label: `Lock ${q}: was it deleted?`, link: targetLink(environment, { type: "lock", id: q }) },
          { label: `Hub ${q}: was it deleted?`, link: targetLink(environment, { type: "hub", id: q }) },
        ]
      : [];
  return (
    <ul aria-label="Where else to look" className="grid divide-y rounded-lg border bg-card">
      {pages.map(
        ({ label, link }) =>
          link && (
            <li key={label}>
              <Link data-result {...link} className={rowClass}>
                <History aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
                <span className="min-w-0 flex-1 truncate">{label}</span>
                <ChevronRight aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
              </Link>
            </li>
          ),
      )}
      <li>
        <Link
          data-result
          to="/$env/audit"
          params={{ env: environment }}
          search={{ targetId: q }}
          className={rowClass}
        >
          <ScrollText aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
          <span className="min-w-0 flex-1 truncate">Audit records for “{q}”</span>
          <ChevronRight aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
        </Link>
      </li>
    </ul>
  );
}

/** How a group counts its results: of the total when known, or that more match when the list was cut. */
function GroupCount({ shown, total, cut }: { shown: number; total: number | undefined; cut: boolean }) {
  if (total !== undefined && total > shown)
    return (
      <>
        ({shown} of {total})
      </>
    );
  if (total === undefined && cut) return <>({shown} shown, more match)</>;
  return <>({shown})</>;
}

/**
 * Search over every target type (or one), grouped by type. The results' place is kept from the
 * first paint: the list always exists (an input's `aria-controls` must name something), and the
 * page puts nothing below it that could be pushed down as results come and go.
 */
export function TargetSearch({ environment, type, q, onQueryChange, totals }: TargetSearchProps) {
  const [text, setText] = useState(q);
  const debounced = useDebouncedValue(text.trim(), 250);
  const names = type ? targetTypeNames[type] : { one: "target", many: "targets" };
  const hintId = useId();
  const { listRef, inputRef, onInputKeyDown, onListKeyDown } = useArrowNavigation();

  // The last query written to or read from the URL, so a Back navigation is followed, not undone.
  const synced = useRef(q);
  useEffect(() => {
    if (debounced !== synced.current) {
      synced.current = debounced;
      onQueryChange(debounced);
    }
  }, [debounced, onQueryChange]);
  useEffect(() => {
    if (q !== synced.current) {
      synced.current = q;
      setText(q);
    }
  }, [q]);

  const search = useSearchTargets(environment, { q, type });
  // Which search the list on screen answers: while the next one loads it still shows the last.
  const answered = useRef("");
  if (search.data && !search.isPlaceholderData) answered.current = `${type ?? ""}:${q}`;
  const items = search.data?.items ?? [];
  const groups = groupByType(items, q);
  // The api gives at most its limit: a full page may leave matches out of any group.
  const cut = items.length >= searchLimit(type);
  // Totals of the environment hold only when nothing narrows the list.
  const totalOf = (t: TargetType) => (q ? undefined : totals?.[t]);

  return (
    <div className="grid gap-4">
      <TypeFilter type={type} />
      <div className="grid gap-2">
        <Label htmlFor="target-search">
          Search {type ? names.many : "locks, hubs, organizations and project keys"}
        </Label>
        <div className="relative">
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            id="target-search"
            ref={inputRef}
            type="search"
            className="h-10 pl-9"
            placeholder={type === "lock" ? "Lock id, UUID or name" : "Id, UUID or name"}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={hintId}
            aria-controls="target-search-results"
            // The page is for typing: focus starts here, on arrival and after a route change.
            autoFocus
            data-route-focus
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onInputKeyDown}
          />
          {search.isFetching && <Spinner className="absolute top-1/2 right-3 -translate-y-1/2" />}
        </div>
        <p id={hintId} className="text-xs text-muted-foreground">
          Search by numeric id, UUID or name. Use ↓ and ↑ to move through the results, Enter to open one.
          Ctrl+K (⌘K) searches from any page.
        </p>
      </div>

      <div className="grid gap-2">
        <p className="min-h-5 text-sm text-muted-foreground" aria-live="polite">
          {search.isPending || search.isError
            ? ""
            : items.length === 0
              ? q
                ? `No ${names.many} match “${q}”.`
                : `No ${names.many} in ${environment}.`
              : q
                ? `${items.length} ${items.length === 1 ? names.one : names.many} match “${q}”`
                : `${items.length} ${names.many}`}
        </p>
        <section
          id="target-search-results"
          ref={listRef}
          aria-label="Search results"
          aria-busy={search.isPending}
          className="grid gap-4"
          onKeyDown={onListKeyDown}
        >
          {search.isError ? (
            <ErrorAlert error={search.error} title={`Could not search ${names.many}`} />
          ) : search.isPending ? (
            <div className="grid gap-2" aria-hidden="true">
              <Skeleton className="h-12" />
              <Skeleton className="h-12" />
              <Skeleton className="h-12" />
            </div>
          ) : items.length === 0 && q ? (
            <GoneTargetLinks environment={environment} q={q} />
          ) : (
            // A new answer is a new list, not the old one rearranged: a group that moved up the
            // page (Hubs, once no lock matches) would otherwise count as a layout shift.
            // Keyed by the search, not by each fetch: a refetch of the same one keeps the links (and focus).
            <div key={answered.current} className="grid gap-4">
              {groups.map(([groupType, group]) => {
                const total = totalOf(groupType);
                const more = total !== undefined ? total > group.length : cut;
                return (
                  <div key={groupType} className="grid gap-1">
                    <div className="flex items-baseline justify-between gap-2 px-1">
                      <h2 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
                        {targetTypeNames[groupType].title}{" "}
                        <span className="font-normal normal-case">
                          <GroupCount shown={group.length} total={total} cut={cut} />
                        </span>
                      </h2>
                      {more && !type && (
                        <Link
                          from="/$env/search"
                          to="/$env/search"
                          search={(prev) => ({ ...prev, type: groupType })}
                          replace
                          className="rounded text-xs font-medium text-primary underline underline-offset-4 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
                        >
                          Only {targetTypeNames[groupType].many}
                        </Link>
                      )}
                    </div>
                    <ul
                      aria-label={targetTypeNames[groupType].title}
                      className="grid divide-y rounded-lg border bg-card"
                    >
                      {group.map((item) => (
                        <li key={`${item.type}:${item.id}`}>
                          <ResultLink environment={environment} item={item} />
                        </li>
                      ))}
                    </ul>
                  </div>
                );
              })}
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
