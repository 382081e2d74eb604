import { AuditAction, AuditOutcome } from "@cleanup/shared";
import { Filter, X } from "lucide-react";
import { type FormEvent, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { AuditFilters } from "../api/list-audit";

const TARGET_TYPES = ["lock", "hub", "organization", "project-key", "environment"] as const;

/** `2026-01-02T03:04:05.000Z` → `2026-01-02T03:04` for a datetime-local input showing UTC. */
function toInput(iso: string | undefined): string {
  return iso ? iso.slice(0, 16) : "";
}

/** The input's UTC wall-clock time back to ISO 8601, or undefined when empty or invalid. */
function fromInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(`${value}Z`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

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
    from: toInput(f.from),
    to: toInput(f.to),
  };
}

function toFilters(d: Draft): AuditFilters {
  const text = (s: string) => s.trim() || undefined;
  return {
    actor: text(d.actor),
    targetType: text(d.targetType),
    targetId: text(d.targetId),
    action: AuditAction.safeParse(d.action).data,
    outcome: AuditOutcome.safeParse(d.outcome).data,
    from: fromInput(d.from),
    to: fromInput(d.to),
  };
}

export interface AuditFiltersFormProps {
  value: AuditFilters;
  onChange: (filters: AuditFilters) => void;
}

/**
 * The audit log's filters. Choices from a list apply at once; typed ones on Enter or "Apply".
 * Times are UTC, as the log records them.
 */
export function AuditFiltersForm({ value, onChange }: AuditFiltersFormProps) {
  const [draft, setDraft] = useState(() => toDraft(value));
  // The URL is the truth: Back/Forward or a pasted link replace what is in the form.
  useEffect(() => setDraft(toDraft(value)), [value]);
  const id = useId();
  const field = (name: keyof Draft) => `${id}-${name}`;
  const set =
    (name: keyof Draft, apply = false) =>
    (event: { target: { value: string } }) => {
      const next = { ...draft, [name]: event.target.value };
      setDraft(next);
      if (apply) onChange(toFilters(next));
    };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(toFilters(draft));
  };
  const active = Object.values(value).some((v) => v !== undefined);

  return (
    <form aria-label="Audit filters" onSubmit={submit} className="grid gap-3">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
        <div className="grid gap-1.5">
          <Label htmlFor={field("actor")}>Actor</Label>
          <Input
            id={field("actor")}
            type="search"
            placeholder="support@…"
            autoComplete="off"
            value={draft.actor}
            onChange={set("actor")}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={field("action")}>Action</Label>
          <NativeSelect id={field("action")} value={draft.action} onChange={set("action", true)}>
            <option value="">Any</option>
            {AuditAction.options.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={field("targetType")}>Target type</Label>
          <NativeSelect id={field("targetType")} value={draft.targetType} onChange={set("targetType", true)}>
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
            autoComplete="off"
            spellCheck={false}
            value={draft.targetId}
            onChange={set("targetId")}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={field("outcome")}>Outcome</Label>
          <NativeSelect id={field("outcome")} value={draft.outcome} onChange={set("outcome", true)}>
            <option value="">Any</option>
            {AuditOutcome.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={field("from")}>From (UTC)</Label>
          <Input id={field("from")} type="datetime-local" value={draft.from} onChange={set("from")} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={field("to")}>To (UTC)</Label>
          <Input id={field("to")} type="datetime-local" value={draft.to} onChange={set("to")} />
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm">
          <Filter aria-hidden="true" />
          Apply filters
        </Button>
        <Button type="button" size="sm" variant="outline" disabled={!active} onClick={() => onChange({})}>
          <X aria-hidden="true" />
          Clear filters
        </Button>
      </div>
    </form>
  );
}
