import { endpointPath, OrganizationDetail } from "@cleanup/shared";
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { environmentKeys } from "@/lib/query-keys";

export function getOrganization(
  environment: string,
  idOrg: string,
  signal?: AbortSignal,
): Promise<OrganizationDetail> {
  return apiRequest(environment, endpointPath("getOrganization", { idOrg }), {
    schema: OrganizationDetail,
    signal,
  });
}

export function organizationQueryOptions(environment: string, idOrg: string) {
  return queryOptions({
    queryKey: [...environmentKeys.organizations(environment), idOrg],
    queryFn: ({ signal }) => getOrganization(environment, idOrg, signal),
  });
}

export function useOrganization(environment: string, idOrg: string) {
  return useSuspenseQuery(organizationQueryOptions(environment, idOrg));
}
