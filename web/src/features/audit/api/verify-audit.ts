import { AuditVerifyResponse, endpointPath } from "@cleanup/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { apiRequest } from "@/lib/api-client";
import { environmentKeys } from "@/lib/query-keys";

/** Records per call: a stretch finishes in a few seconds even on a slow api, far inside the bff's limit. */
const STRETCH = 1000;

/**
 * Re-checks the whole hash chain, every record's hash and its link to the one before, one stretch
 * at a time, so tens of thousands of records never hit a request time limit. Reports the records
 * checked so far after each stretch; resolves with the whole chain's result.
 */
export async function verifyAudit(
  environment: string,
  { signal, onProgress }: { signal?: AbortSignal; onProgress?: (checked: number) => void } = {},
): Promise<AuditVerifyResponse> {
  let afterSeq = 0;
  let checked = 0;
  for (;;) {
    const part = await apiRequest(environment, endpointPath("verifyAudit"), {
      query: { afterSeq, limit: STRETCH },
      schema: AuditVerifyResponse,
      signal,
    });
    checked += part.checked;
    if (!part.ok || part.nextAfterSeq === null || part.nextAfterSeq === undefined) {
      return { ...part, checked, nextAfterSeq: null };
    }
    afterSeq = part.nextAfterSeq;
    onProgress?.(checked);
  }
}

export function auditVerifyQueryOptions(environment: string, onProgress?: (checked: number) => void) {
  return queryOptions({
    queryKey: [...environmentKeys.audit(environment), "verify"],
    queryFn: ({ signal }) => verifyAudit(environment, { signal, onProgress }),
  });
}

/** The chain's verification and, while it runs, how many records it has checked. */
export function useAuditVerify(environment: string) {
  const [progress, setProgress] = useState(0);
  const query = useQuery(auditVerifyQueryOptions(environment, setProgress));
  return { ...query, progress };
}
