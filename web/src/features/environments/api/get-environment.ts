import { EnvironmentInfo, endpointPath } from "@cleanup/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { environmentKeys } from "@/lib/query-keys";

export function getEnvironment(environment: string, signal?: AbortSignal): Promise<EnvironmentInfo> {
  return apiRequest(environment, endpointPath("getEnvironment"), { schema: EnvironmentInfo, signal });
}

export function environmentQueryOptions(environment: string) {
  return queryOptions({
    queryKey: environmentKeys.info(environment),
    queryFn: ({ signal }) => getEnvironment(environment, signal),
  });
}

export function useEnvironment(environment: string) {
  return useQuery(environmentQueryOptions(environment));
}
