import { endpointPath, ProjectKeyDetail } from "@cleanup/shared";
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { environmentKeys } from "@/lib/query-keys";

export interface ProjectKeyRef {
  projectName: string;
  keyName: string;
}

/** The published path, trailing slash included. */
export function projectKeyPath({ projectName, keyName }: ProjectKeyRef): string {
  return endpointPath("getProjectKey", { projectName, keyName });
}

export function getProjectKey(
  environment: string,
  key: ProjectKeyRef,
  signal?: AbortSignal,
): Promise<ProjectKeyDetail> {
  return apiRequest(environment, projectKeyPath(key), { schema: ProjectKeyDetail, signal });
}

export function projectKeyQueryOptions(environment: string, key: ProjectKeyRef) {
  return queryOptions({
    queryKey: [...environmentKeys.projectKeys(environment), key.projectName, key.keyName],
    queryFn: ({ signal }) => getProjectKey(environment, key, signal),
  });
}

export function useProjectKey(environment: string, key: ProjectKeyRef) {
  return useSuspenseQuery(projectKeyQueryOptions(environment, key));
}
