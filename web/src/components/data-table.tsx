import type * as React from "react";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { cn } from "@/lib/utils";

export interface DataTableColumn {
  label: string;
  /** Right-aligned, for counts and sizes. */
  numeric?: boolean;
  /** On the header cell: a fixed table's column widths come from here. */
  className?: string;
}

export interface DataTableProps<TRow> {
  /** Shown above the table and naming it; without one, name it with `aria-label`. */
  caption?: React.ReactNode;
  "aria-label"?: string;
  className?: string;
  columns: readonly (string | DataTableColumn)[];
  rows: readonly TRow[];
  rowKey: (row: TRow, index: number) => string;
  /** The cells of one row, a `RowHeader` first where one names the row. */
  children: (row: TRow) => React.ReactNode;
  /** Said in a full-width row when there are no rows. */
  emptyRow?: React.ReactNode;
  /** Said instead of the table when there are no rows. */
  emptyNote?: React.ReactNode;
}

/**
 * A table of rows under a header of named columns.
 *
 * @example
 * <DataTable aria-label="Members" columns={["Email", "Role"]} rows={members} rowKey={(m) => m.email}>
 *   {(m) => <TableCell>{m.email}</TableCell>}
 * </DataTable>
 */
export function DataTable<TRow>({
  caption,
  "aria-label": ariaLabel,
  className,
  columns,
  rows,
  rowKey,
  children,
  emptyRow,
  emptyNote,
}: DataTableProps<TRow>) {
  if (rows.length === 0 && emptyNote) return <p className="text-sm text-muted-foreground">{emptyNote}</p>;
  return (
    <Table aria-label={ariaLabel} className={className}>
      {caption && <TableCaption>{caption}</TableCaption>}
      <TableHeader>
        <TableRow>
          {columns.map((column) => {
            const {
              label,
              numeric,
              className: columnClass,
            } = typeof column === "string" ? { label: column, numeric: false, className: undefined } : column;
            return (
              <TableHead key={label} scope="col" className={cn(numeric && "text-right", columnClass)}>
                {label}
              </TableHead>
            );
          })}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.length === 0 && emptyRow ? (
          <TableRow>
            <TableCell colSpan={columns.length} className="text-muted-foreground">
              {emptyRow}
            </TableCell>
          </TableRow>
        ) : (
          rows.map((row, i) => <TableRow key={rowKey(row, i)}>{children(row)}</TableRow>)
        )}
      </TableBody>
    </Table>
  );
}

/** The cell that names its row: a header for screen readers, body text to the eye. */
export function RowHeader({ className, ...props }: React.ComponentProps<typeof TableHead>) {
  return (
    <TableHead
      scope="row"
      className={cn("h-auto py-2 normal-case tracking-normal text-foreground", className)}
      {...props}
    />
  );
}
