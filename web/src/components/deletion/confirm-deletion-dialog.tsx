import type { EnvironmentName } from "@cleanup/shared";
import { Trash2 } from "lucide-react";
import type * as React from "react";
import { useId, useRef, useState } from "react";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { forgetKeptReason, keptReasonKey, useKeptReason } from "@/lib/kept-reason";
import { describeDuration, NOW, type ScheduleChoice, ScheduleField, scheduleOf } from "./schedule-field";

export interface ConfirmDeletionDialogProps {
  /** What is deleted, in words: "lock", "hub", "project key". */
  targetNoun: string;
  /** The id the user must type out, exactly as the deletion path takes it. */
  targetId: string;
  environment: { name: string; kind: EnvironmentName };
  /**
   * The environment the api itself says it is (the preview's `plan.environment`). When it is not
   * the configured kind, the dialog says so, and production on either side asks for the name.
   */
  apiEnvironment?: string | undefined;
  /**
   * The plan reaches production from another environment (a key deployed there, deleted from a dev
   * console): the dialog says so and asks for the word `production` as well.
   */
  touchesProduction?: boolean | undefined;
  /** One line on what will happen, from the preview. */
  summary?: React.ReactNode;
  /** The button that opens the dialog. */
  trigger: React.ReactNode;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  pending?: boolean;
  /** A returned promise that resolves means the deletion went through: its kept reason is forgotten. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a caller returns nothing (done at once) or the deletion's promise
  onConfirm: (input: { reason: string; schedule?: string }) => void | Promise<unknown>;
  /** The confirm button's icon (default a bin) and variant (default destructive): a restore is neither. */
  confirmIcon?: React.ReactNode;
  confirmVariant?: "destructive" | "default";
  /** Offers "Delete after…" a waiting period besides "Delete now" (endpoints 2-5, not the dev reset). */
  allowSchedule?: boolean;
  /** Overrides the question in the title (default "Delete {noun} {id} in {environment}?"). */
  title?: string;
  /** Overrides the label of the id field (default "Type the {noun} id to confirm"). */
  idLabel?: string;
  /** Overrides the confirm button's text (default "Delete {noun}"). */
  confirmLabel?: string;
  /** Overrides the explanation under the title. */
  description?: React.ReactNode;
}

const matches = (typed: string, expected: string) => typed.trim().toLowerCase() === expected.toLowerCase();

/**
 * The last step before a deletion: the target id typed out, a reason (ticket) for the audit log and,
 * on production or when the plan touches production, the environment's name. The confirm button stays
 * disabled until all of them are given. It opens with focus in the first field.
 */
export function ConfirmDeletionDialog({
  trigger,
  open,
  onOpenChange,
  pending = false,
  ...form
}: ConfirmDeletionDialogProps) {
  const firstField = useRef<HTMLInputElement>(null);
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        // A running deletion cannot be dismissed.
        if (pending) return;
        if (!next) forgetKeptReason(keptReasonKey(form.environment.name, form.targetNoun, form.targetId));
        onOpenChange(next);
      }}
    >
      <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>
      <AlertDialogContent
        // Straight into the first field (the id to type), not onto Cancel.
        onOpenAutoFocus={(event) => {
          event.preventDefault();
          firstField.current?.focus();
        }}
      >
        {/* Mounted afresh on every opening: only the reason of an attempt that was not dismissed is kept. */}
        <ConfirmForm pending={pending} firstField={firstField} {...form} />
      </AlertDialogContent>
    </AlertDialog>
  );
}

type ConfirmFormProps = Pick<
  ConfirmDeletionDialogProps,
  | "targetNoun"
  | "targetId"
  | "environment"
  | "apiEnvironment"
  | "touchesProduction"
  | "summary"
  | "onConfirm"
  | "title"
  | "idLabel"
  | "confirmLabel"
  | "description"
  | "allowSchedule"
  | "confirmIcon"
  | "confirmVariant"
> & { pending: boolean; firstField: React.RefObject<HTMLInputElement | null> };

function ConfirmForm({
  targetNoun,
  targetId,
  environment,
  apiEnvironment,
  touchesProduction = false,
  summary,
  pending,
  firstField,
  onConfirm,
  allowSchedule = false,
  confirmIcon = <Trash2 aria-hidden="true" />,
  confirmVariant = "destructive",
  title = `Delete ${targetNoun} ${targetId} in ${environment.name}?`,
  idLabel = `Type the ${targetNoun} id to confirm`,
  confirmLabel = `Delete ${targetNoun}`,
  description = `This applies exactly the preview you just read. If the ${targetNoun} changed since, nothing is deleted and you are asked to preview again.`,
}: ConfirmFormProps) {
  const [typedId, setTypedId] = useState("");
  // Kept across a sign-in when the session expires mid-confirm (src/lib/kept-reason.ts).
  const reasonKey = keptReasonKey(environment.name, targetNoun, targetId);
  const [reason, setReason] = useKeptReason(reasonKey);
  const [typedEnv, setTypedEnv] = useState("");
  const [when, setWhen] = useState<ScheduleChoice>(NOW);
  const schedule = scheduleOf(when);
  const ids = {
    id: useId(),
    idHint: useId(),
    reason: useId(),
    reasonHint: useId(),
    env: useId(),
    envHint: useId(),
  };
  const mismatch = apiEnvironment !== undefined && apiEnvironment !== environment.kind;
  const onProduction = environment.kind === "production";
  // Reaching production from elsewhere: the plan, not the console's environment, decides.
  const reachesProduction = touchesProduction && !onProduction;
  // A production api mislabelled as something else still gets production's last check.
  const needsEnvironment = onProduction || apiEnvironment === "production" || reachesProduction;
  const idOk = matches(typedId, targetId);
  const reasonOk = reason.trim().length > 0;
  // What must be typed: the configured name on a production console, else the word production when
  // the api or the plan says production, else the configured name.
  const envName = onProduction ? environment.name : needsEnvironment ? "production" : environment.name;
  const envOk = !needsEnvironment || matches(typedEnv, envName);
  const ready = idOk && reasonOk && envOk && schedule !== "invalid" && !pending;

  return (
    <form
      className="grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready) return;
        // Kept while it may be needed again (a 401 on the way to sign-in, a 412); done, it is forgotten.
        const scheduled = typeof schedule === "string" && schedule !== "invalid" ? { schedule } : {};
        Promise.resolve(onConfirm({ reason: reason.trim(), ...scheduled })).then(
          () => forgetKeptReason(reasonKey),
          () => {},
        );
      }}
    >
      <AlertDialogHeader>
        <AlertDialogTitle>{title}</AlertDialogTitle>
        <AlertDialogDescription>{description}</AlertDialogDescription>
      </AlertDialogHeader>
      {mismatch && (
        <p role="alert" className="rounded-md border border-destructive p-3 text-sm text-destructive">
          Environment mismatch: the api behind “{environment.name}” says it is{" "}
          <strong>{apiEnvironment}</strong>. Check that this is the environment you mean.
        </p>
      )}
      {reachesProduction && (
        <p role="alert" className="rounded-md border border-destructive bg-destructive-muted p-3 text-sm">
          <strong>This reaches production.</strong> You are in {environment.name}, but the plan acts on
          production too: confirming changes production, not only {environment.name}.
        </p>
      )}
      {summary && <div className="rounded-md border bg-muted/50 p-3 text-sm">{summary}</div>}

      <div className="grid gap-2">
        <Label htmlFor={ids.id}>{idLabel}</Label>
        <Input
          id={ids.id}
          ref={firstField}
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          value={typedId}
          onChange={(e) => setTypedId(e.target.value)}
          aria-describedby={ids.idHint}
          aria-invalid={(typedId.length > 0 && !idOk) || undefined}
          disabled={pending}
        />
        <p id={ids.idHint} className="text-xs text-muted-foreground">
          Type <code className="select-none rounded bg-muted px-1 font-semibold">{targetId}</code>
          {typedId.length > 0 && !idOk && <span className="text-destructive"> — does not match yet</span>}
        </p>
      </div>

      <div className="grid gap-2">
        <Label htmlFor={ids.reason}>Reason (ticket)</Label>
        <Input
          id={ids.reason}
          required
          autoComplete="off"
          placeholder="SUP-1234: lock DO stuck after firmware update"
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={ids.reasonHint}
          disabled={pending}
        />
        <p id={ids.reasonHint} className="text-xs text-muted-foreground">
          Required. Stored in the audit log with this deletion.
        </p>
      </div>

      {needsEnvironment && (
        <div className="grid gap-2">
          <Label htmlFor={ids.env}>Type the environment name ({envName}) to confirm</Label>
          <Input
            id={ids.env}
            autoComplete="off"
            spellCheck={false}
            value={typedEnv}
            onChange={(e) => setTypedEnv(e.target.value)}
            aria-describedby={ids.envHint}
            aria-invalid={(typedEnv.length > 0 && !envOk) || undefined}
            disabled={pending}
          />
          <p id={ids.envHint} className="text-xs text-muted-foreground">
            {reachesProduction ? "Required because the plan touches production." : "Required on production."}
          </p>
        </div>
      )}

      {allowSchedule && <ScheduleField value={when} onChange={setWhen} disabled={pending} />}

      <AlertDialogFooter>
        <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
        <Button type="submit" variant={confirmVariant} disabled={!ready}>
          {pending ? <Spinner /> : confirmIcon}
          {pending
            ? confirmVariant === "destructive"
              ? "Deleting…"
              : "Working…"
            : typeof schedule === "string" && schedule !== "invalid"
              ? `${confirmLabel} after ${describeDuration(schedule)}`
              : confirmLabel}
        </Button>
      </AlertDialogFooter>
    </form>
  );
}
