import { ArchiveListResponse, endpointPath } from "@cleanup/shared";
import { queryOptions } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { environmentKeys } from "@/lib/query-keys";

export type ArchiveTargetType = "lock" | "hub";

/** The archives of one lock (numeric id or UUID) or hub, newest first; found also once the target is gone. */
export function archivesQueryOptions(environment: string, targetType: ArchiveTargetType, targetId: string) {
  return queryOptions({
    queryKey: [...environmentKeys.archives(environment), targetType, targetId] as const,
    queryFn: ({ signal }) =>
      apiRequest(environment, endpointPath("listArchives"), {
        query: { targetType, targetId },
        schema: ArchiveListResponse,
        signal,
      }),
  });
}
