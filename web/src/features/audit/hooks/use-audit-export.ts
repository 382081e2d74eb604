import { useEffect, useRef, useState } from "react";
import { errorMessage } from "@/components/errors/error-alert";
import { formatNumber } from "@/lib/format";
import { toast } from "@/lib/toast";
import { type AuditFilters, listAudit } from "../api/list-audit";
import {
  csvHeader,
  csvRows,
  download,
  type ExportFormat,
  exportFileName,
  ndjsonRows,
} from "../utils/export-audit";

const EXPORT_PAGE_SIZE = 500;

export interface AuditExportState {
  format: ExportFormat;
  /** Records fetched so far. */
  count: number;
}

/**
 * Exports every record matching the filters, paging through the api in the browser, then hands the
 * file over as a download. Cancellable; the outcome is a toast, so it may finish while the user reads on.
 */
export function useAuditExport(environment: string, filters: AuditFilters) {
  const [state, setState] = useState<AuditExportState | null>(null);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = async (format: ExportFormat) => {
    if (controller.current) return;
    const abort = new AbortController();
    controller.current = abort;
    setState({ format, count: 0 });
    const parts: string[] = format === "csv" ? [csvHeader()] : [];
    let cursor: string | null = null;
    let count = 0;
    try {
      do {
        const page = await listAudit(environment, filters, { cursor, limit: EXPORT_PAGE_SIZE }, abort.signal);
        parts.push(format === "csv" ? csvRows(page.items) : ndjsonRows(page.items));
        count += page.items.length;
        setState({ format, count });
        cursor = page.nextCursor;
      } while (cursor);
      const fileName = exportFileName(environment, format);
      download(parts, fileName, format === "csv" ? "text/csv;charset=utf-8" : "application/x-ndjson");
      toast.success(`Exported ${formatNumber(count)} audit record(s)`, { description: fileName });
    } catch (error) {
      if (abort.signal.aborted) toast.info("Export cancelled");
      else toast.error("The export failed", { description: errorMessage(error) });
    } finally {
      controller.current = null;
      setState(null);
    }
  };

  return { state, start, cancel: () => controller.current?.abort() };
}
