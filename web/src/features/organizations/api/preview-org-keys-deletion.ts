import { OrgKeyDeletionResponse } from "@cleanup/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { organizationQueryOptions } from "./get-organization";

/** The dry run of deleting all of an organization's keys: the plan and its planToken. */
export function previewOrgKeysDeletion(
  environment: string,
  idOrg: string,
  signal?: AbortSignal,
): Promise<OrgKeyDeletionResponse> {
  return apiRequest(environment, `/organization/${encodeURIComponent(idOrg)}/key`, {
    method: "DELETE",
    query: { dryRun: true },
    schema: OrgKeyDeletionResponse,
    signal,
  });
}

export function orgKeysDeletionPreviewQueryOptions(environment: string, idOrg: string) {
  return queryOptions({
    queryKey: [...organizationQueryOptions(environment, idOrg).queryKey, "keys-deletion-preview"],
    queryFn: ({ signal }) => previewOrgKeysDeletion(environment, idOrg, signal),
    // A preview is a snapshot the user reads before confirming: never swap it silently in the background.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useOrgKeysDeletionPreview(
  environment: string,
  idOrg: string,
  { enabled }: { enabled: boolean },
) {
  return useQuery({ ...orgKeysDeletionPreviewQueryOptions(environment, idOrg), enabled });
}
