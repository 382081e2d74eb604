import { JobStatus, JobTargetType } from "@cleanup/shared";
import { Filter, X } from "lucide-react";
import { type FormEvent, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { STATUS_LABELS } from "@/lib/job-words";
import type { JobFilters } from "../api/list-jobs";

export interface JobFiltersFormProps {
  value: JobFilters;
  onChange: (filters: JobFilters) => void;
}

/**
 * The job list's filters: status and target type apply at once, a target id on Enter or "Apply".
 * The URL holds them, so a filtered list can be linked from a ticket.
 */
export function JobFiltersForm({ value, onChange }: JobFiltersFormProps) {
  const [targetId, setTargetId] = useState(value.targetId ?? "");
  // The URL is the truth: Back/Forward or a pasted link replace what is typed.
  useEffect(() => setTargetId(value.targetId ?? ""), [value.targetId]);
  const id = useId();
  const apply = (patch: Partial<JobFilters>) => onChange({ ...value, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ targetId: targetId.trim() || undefined });
  };
  const any = value.status || value.targetType || value.targetId;
  return (
    <form onSubmit={submit} className="grid items-end gap-3 sm:grid-cols-[repeat(3,minmax(0,1fr))_auto]">
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-status`}>Status</Label>
        <NativeSelect
          id={`${id}-status`}
          value={value.status ?? ""}
          onChange={(e) => apply({ status: JobStatus.safeParse(e.target.value).data })}
        >
          <option value="">Any status</option>
          {JobStatus.options.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-type`}>Target type</Label>
        <NativeSelect
          id={`${id}-type`}
          value={value.targetType ?? ""}
          onChange={(e) => apply({ targetType: JobTargetType.safeParse(e.target.value).data })}
        >
          <option value="">Any target</option>
          {JobTargetType.options.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-target`}>Target id</Label>
        <Input
          id={`${id}-target`}
          value={targetId}
          onChange={(e) => setTargetId(e.target.value)}
          placeholder="1001, a UUID, billing/signing-key"
          autoComplete="off"
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="outline">
          <Filter aria-hidden="true" />
          Apply
        </Button>
        {any && (
          <Button type="button" variant="ghost" onClick={() => onChange({})}>
            <X aria-hidden="true" />
            Clear
          </Button>
        )}
      </div>
    </form>
  );
}
