import { AuditAction, AuditOutcome } from "@cleanup/shared";
import { ChevronDown, Filter, X } from "lucide-react";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { formatUtcInput, parseUtcInput } from "@/lib/utc-input";
import { cn } from "@/lib/utils";
import type { AuditFilters } from "../api/list-audit";

const TARGET_TYPES = ["lock", "hub", "organization", "project-key", "environment"] as const;
const TIME_FORMAT = "YYYY-MM-DD HH:MM";

interface Draft {
  actor: string;
  targetType: string;
  targetId: string;
  action: string;
  outcome: string;
  from: string;
  to: string;
}

function toDraft(f: AuditFilters): Draft {
  return {
    actor: f.actor ?? "",
    targetType: f.targetType ?? "",
    targetId: f.targetId ?? "",
    action: f.action ?? "",
    outcome: f.outcome ?? "",
    from: formatUtcInput(f.from),
    to: formatUtcInput(f.to),
  };
}

type TimeField = "from" | "to";

/** The draft as filters, or the time fields that are not a time (nothing is applied then). */
function toFilters(d: Draft): { filters: AuditFilters; invalid: TimeField[] } {
  const text = (s: string) => s.trim() || undefined;
  const time = (s: string) => (s.trim() ? parseUtcInput(s) : undefined);
  const from = time(d.from);
  const to = time(d.to);
  return {
    filters: {
      actor: text(d.actor),
      targetType: text(d.targetType),
      targetId: text(d.targetId),
      action: AuditAction.safeParse(d.action).data,
      outcome: AuditOutcome.safeParse(d.outcome).data,
      from: from ?? undefined,
      to: to ?? undefined,
    },
    invalid: [...(from === null ? ["from" as const] : []), ...(to === null ? ["to" as const] : [])],
  };
}

export interface AuditFiltersFormProps {
  value: AuditFilters;
  onChange: (filters: AuditFilters) => void;
}

/**
 * The audit log's filters. The ones a ticket needs (target, actor, outcome) are in one row; action
 * and time wait behind "More filters", so the form is a few Tab stops, not thirty. Choices from a
 * list apply at once; typed ones on Enter or "Apply". Times are UTC, typed year first
 * (`2026-01-02 03:04`), as the log records them: no locale decides what 01/02 means.
 */
export function AuditFiltersForm({ value, onChange }: AuditFiltersFormProps) {
  const [draft, setDraft] = useState(() => toDraft(value));
  const [invalid, setInvalid] = useState<TimeField[]>([]);
  const [more, setMore] = useState(() => Boolean(value.action || value.from || value.to));
  // The URL is the truth: Back/Forward or a pasted link replace what is in the form.
  useEffect(() => {
    setDraft(toDraft(value));
    setInvalid([]);
    if (value.action || value.from || value.to) setMore(true);
  }, [value]);
  const id = useId();
  const field = (name: keyof Draft) => `${id}-${name}`;
  const timeRefs = { from: useRef<HTMLInputElement>(null), to: useRef<HTMLInputElement>(null) };

  const apply = (next: Draft) => {
    const { filters, invalid: bad } = toFilters(next);
    setInvalid(bad);
    const first = bad[0];
    if (first) {
      setMore(true);
      // After the disclosure has rendered the field.
      requestAnimationFrame(() => timeRefs[first].current?.focus());
      return;
    }
    onChange(filters);
  };
  const set =
    (name: keyof Draft, applyNow = false) =>
    (event: { target: { value: string } }) => {
      const next = { ...draft, [name]: event.target.value };
      setDraft(next);
      if (applyNow) apply(next);
    };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };
  const active = Object.values(value).some((v) => v !== undefined);
  const moreCount = [value.action, value.from, value.to].filter(Boolean).length;

  const timeField = (name: TimeField, label: string) => {
    const hint = `${field(name)}-hint`;
    const bad = invalid.includes(name);
    return (
      <div className="grid gap-1.5">
        <Label htmlFor={field(name)}>{label}</Label>
        <Input
          id={field(name)}
          ref={timeRefs[name]}
          className="w-44 font-mono"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          placeholder={TIME_FORMAT}
          value={draft[name]}
          onChange={set(name)}
          aria-describedby={hint}
          aria-invalid={bad || undefined}
        />
        <p id={hint} className={cn("text-xs", bad ? "text-destructive" : "text-muted-foreground")}>
          {bad ? `Not a time: write it as ${TIME_FORMAT}, UTC` : `${TIME_FORMAT}, UTC`}
        </p>
      </div>
    );
  };

  return (
    <form aria-label="Audit filters" onSubmit={submit} noValidate className="grid gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <fieldset className="flex flex-wrap items-end gap-2">
          <legend className="sr-only">Target</legend>
          <div className="grid gap-1.5">
            <Label htmlFor={field("targetType")}>Target type</Label>
            <NativeSelect
              id={field("targetType")}
              className="w-36"
              value={draft.targetType}
              onChange={set("targetType", true)}
            >
              <option value="">Any</option>
              {TARGET_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={field("targetId")}>Target id</Label>
            <Input
              id={field("targetId")}
              type="search"
              className="w-56 font-mono"
              placeholder="1004, a UUID, acme…"
              autoComplete="off"
              spellCheck={false}
              value={draft.targetId}
              onChange={set("targetId")}
            />
          </div>
        </fieldset>
        <div className="grid gap-1.5">
          <Label htmlFor={field("actor")}>Actor</Label>
          <Input
            id={field("actor")}
            type="search"
            className="w-60"
            placeholder="support@smartphonekey.com"
            autoComplete="off"
            value={draft.actor}
            onChange={set("actor")}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={field("outcome")}>Outcome</Label>
          <NativeSelect
            id={field("outcome")}
            className="w-32"
            value={draft.outcome}
            onChange={set("outcome", true)}
          >
            <option value="">Any</option>
            {AuditOutcome.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit">
            <Filter aria-hidden="true" />
            Apply filters
          </Button>
          <Button type="button" variant="outline" disabled={!active} onClick={() => onChange({})}>
            <X aria-hidden="true" />
            Clear filters
          </Button>
          <Button
            type="button"
            variant="ghost"
            aria-expanded={more}
            aria-controls={`${id}-more`}
            onClick={() => setMore((m) => !m)}
          >
            <ChevronDown aria-hidden="true" className={cn("transition-transform", more && "rotate-180")} />
            More filters{moreCount > 0 && ` (${moreCount} set)`}
          </Button>
        </div>
      </div>
      <fieldset id={`${id}-more`} hidden={!more} className="flex flex-wrap items-start gap-3 border-t pt-3">
        <legend className="sr-only">Action and time</legend>
        <div className="grid gap-1.5">
          <Label htmlFor={field("action")}>Action</Label>
          <NativeSelect
            id={field("action")}
            className="w-44"
            value={draft.action}
            onChange={set("action", true)}
          >
            <option value="">Any</option>
            {AuditAction.options.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </NativeSelect>
        </div>
        {timeField("from", "From (UTC)")}
        {timeField("to", "To (UTC)")}
      </fieldset>
    </form>
  );
}
