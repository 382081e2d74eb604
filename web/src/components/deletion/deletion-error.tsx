import { PreconditionFailedBody } from "@cleanup/shared";
import { RefreshCw } from "lucide-react";
import { ErrorAlert } from "@/components/errors/error-alert";
import { Button } from "@/components/ui/button";
import { isApiError } from "@/lib/api-client";

function show(value: unknown): string {
  return value === null || value === undefined
    ? "—"
    : typeof value === "string"
      ? value
      : JSON.stringify(value);
}

export interface DeletionErrorProps {
  error: unknown;
  onPreviewAgain: () => void;
}

/**
 * A failed deletion. A 412 means the target changed since the preview: nothing was deleted, and the
 * only way forward is a fresh preview. Everything else shows its message and request id.
 */
export function DeletionError({ error, onPreviewAgain }: DeletionErrorProps) {
  if (isApiError(error, 412)) {
    const body = PreconditionFailedBody.safeParse(error.raw);
    const changes = body.success ? body.data.changes : [];
    return (
      <ErrorAlert error={error} title="The target changed since the preview — preview again">
        {changes.length > 0 && (
          <ul className="list-disc pl-5">
            {changes.map((c) => (
              <li key={c.field}>
                <code>{c.field}</code>: {show(c.previewed)} → {show(c.current)}
              </li>
            ))}
          </ul>
        )}
        <p>Nothing was deleted.</p>
        <div>
          <Button variant="outline" size="sm" onClick={onPreviewAgain}>
            <RefreshCw aria-hidden="true" />
            Preview again
          </Button>
        </div>
      </ErrorAlert>
    );
  }
  return <ErrorAlert error={error} title="The deletion failed" />;
}
