import { endpointPath, HubDetail, LockDetail } from "@cleanup/shared";
import { queryOptions } from "@tanstack/react-query";
import { apiRequest, isApiError } from "@/lib/api-client";
import { environmentKeys } from "@/lib/query-keys";

/** Whether the lock (numeric id or UUID) or hub exists now: a restore is offered only while it does not. */
export function targetExistsQueryOptions(environment: string, targetType: "lock" | "hub", targetId: string) {
  return queryOptions({
    queryKey: [...environmentKeys.archives(environment), "exists", targetType, targetId] as const,
    queryFn: async ({ signal }) => {
      try {
        if (targetType === "lock") {
          await apiRequest(environment, endpointPath("getLock", { lockId: targetId }), {
            schema: LockDetail,
            signal,
          });
        } else {
          await apiRequest(environment, endpointPath("getHub", { hubId: targetId }), {
            schema: HubDetail,
            signal,
          });
        }
        return true;
      } catch (error) {
        if (isApiError(error, 404) || isApiError(error, 400)) return false;
        throw error;
      }
    },
  });
}
