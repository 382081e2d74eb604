import { endpointPath, HubDetail } from "@cleanup/shared";
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { environmentKeys } from "@/lib/query-keys";

export function getHub(environment: string, hubId: string, signal?: AbortSignal): Promise<HubDetail> {
  return apiRequest(environment, endpointPath("getHub", { hubId }), { schema: HubDetail, signal });
}

/** Keys under this one (the deletion preview) go with it when the hub is deleted. */
export function hubQueryOptions(environment: string, hubId: string) {
  return queryOptions({
    queryKey: [...environmentKeys.hubs(environment), hubId],
    queryFn: ({ signal }) => getHub(environment, hubId, signal),
  });
}

export function useHub(environment: string, hubId: string) {
  return useSuspenseQuery(hubQueryOptions(environment, hubId));
}
