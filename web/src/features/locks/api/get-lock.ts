import { endpointPath, LockDetail } from "@cleanup/shared";
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { environmentKeys } from "@/lib/query-keys";

export function getLock(environment: string, lockId: string, signal?: AbortSignal): Promise<LockDetail> {
  return apiRequest(environment, endpointPath("getLock", { lockId }), {
    schema: LockDetail,
    signal,
  });
}

/** Keys under this one (the deletion preview) go with it when the lock is deleted. */
export function lockQueryOptions(environment: string, lockId: string) {
  return queryOptions({
    queryKey: [...environmentKeys.locks(environment), lockId],
    queryFn: ({ signal }) => getLock(environment, lockId, signal),
  });
}

export function useLock(environment: string, lockId: string) {
  return useSuspenseQuery(lockQueryOptions(environment, lockId));
}
