import type { DeletionStep } from "@cleanup/shared";
import { CircleCheck, CircleX, MinusCircle } from "lucide-react";

const icons: Record<DeletionStep["status"], React.ReactNode> = {
  done: <CircleCheck aria-hidden="true" className="size-4 text-success" />,
  skipped: <MinusCircle aria-hidden="true" className="size-4 text-muted-foreground" />,
  failed: <CircleX aria-hidden="true" className="size-4 text-destructive" />,
};

/** How one step of a deletion went, as an icon and its word: "done", "skipped" or "failed". */
export function OperationStatus({ status }: { status: DeletionStep["status"] }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      {icons[status]}
      {status}
    </span>
  );
}
