import { RotateCcw } from "lucide-react";
import type * as React from "react";
import { Button } from "@/components/ui/button";
import { BackToSearch } from "./back-to-search";

export interface TargetDeletionPageProps {
  env: string;
  /** The page's heading while the target is shown; it may read the target. */
  title: React.ReactNode;
  overview: React.ReactNode;
  /** The options, the preview and the confirmed deletion. */
  panel: React.ReactNode;
  /** The finished deletion, shown in place of the target once there is one. */
  result: React.ReactNode;
  /** The heading above the result: from the URL alone, since the target is no longer loaded. */
  resultTitle: React.ReactNode;
  /** What happened to the target before (and after) this visit: its audit records, jobs and archives. */
  history: React.ReactNode;
}

/**
 * The page of one lock, hub, organization or project key: what it holds and its deletion, then the
 * result; its history below either.
 */
export function TargetDeletionPage({
  env,
  title,
  overview,
  panel,
  result,
  resultTitle,
  history,
}: TargetDeletionPageProps) {
  return (
    <div className="grid gap-6">
      <BackToSearch env={env} />
      {result ? (
        <>
          {resultTitle}
          {result}
        </>
      ) : (
        <>
          {title}
          {overview}
          {panel}
        </>
      )}
      {history}
    </div>
  );
}

/** Under a deletion's result: back to the target's page, to see what is left of it. */
export function ReopenTargetButton({ noun, onClick }: { noun: string; onClick: () => void }) {
  return (
    <Button variant="outline" onClick={onClick}>
      <RotateCcw aria-hidden="true" />
      Open the {noun} again
    </Button>
  );
}
