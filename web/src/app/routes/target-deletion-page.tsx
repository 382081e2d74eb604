import { type DeletionMarker, isLiveJobStatus } from "@cleanup/shared";
import type * as React from "react";
import { LiveJobNotice } from "@/features/jobs/components/live-job-notice";
import { BackToSearch } from "./back-to-search";

export interface TargetDeletionPageProps {
  env: string;
  /** "lock", "hub", "organization", "project key". */
  noun: string;
  /** The page's heading; it may read the target. */
  title: React.ReactNode;
  overview: React.ReactNode;
  /** The options, the preview and the confirmed deletion (which goes on to its job's page). */
  panel: React.ReactNode;
  /** The target read's `deletion`: a job that holds it now, or its last one that failed part-way. */
  marker: DeletionMarker;
  /** What happened to the target before (and after) this visit: its audit records, jobs and archives. */
  history: React.ReactNode;
}

/**
 * The page of one lock, hub, organization or project key: what it holds and its deletion, its
 * history below. While a job holds the target, the page says so (a waiting one with its countdown
 * and Cancel) and links to the job instead of offering a second deletion; after one that failed
 * part-way it says so and offers the deletion that finishes.
 */
export function TargetDeletionPage({
  env,
  noun,
  title,
  overview,
  panel,
  marker,
  history,
}: TargetDeletionPageProps) {
  const live = marker !== null && isLiveJobStatus(marker.status);
  return (
    <div className="grid gap-6">
      <BackToSearch env={env} />
      {title}
      {marker && <LiveJobNotice environment={env} marker={marker} noun={noun} />}
      {overview}
      {!live && panel}
      {history}
    </div>
  );
}
