import { endpointPath, SearchResponse, type TargetType } from "@cleanup/shared";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { environmentKeys } from "@/lib/query-keys";

export interface SearchTargetsInput {
  q: string;
  /** One type, or every type when left out. */
  type?: TargetType | undefined;
  limit?: number;
}

/** How many results one search asks for: more across every type than within one. */
export function searchLimit(type: TargetType | undefined): number {
  return type ? 20 : 40;
}

export function searchTargets(
  environment: string,
  { q, type, limit = searchLimit(type) }: SearchTargetsInput,
  signal?: AbortSignal,
): Promise<SearchResponse> {
  return apiRequest(environment, endpointPath("searchTargets"), {
    query: { q, type, limit },
    schema: SearchResponse,
    signal,
  });
}

export function searchTargetsQueryOptions(environment: string, input: SearchTargetsInput) {
  return queryOptions({
    queryKey: [...environmentKeys.search(environment), input],
    queryFn: ({ signal }) => searchTargets(environment, input, signal),
  });
}

/** Keeps the previous results on screen while the next query loads, so the list does not flicker. */
export function useSearchTargets(
  environment: string,
  input: SearchTargetsInput,
  { enabled = true }: { enabled?: boolean } = {},
) {
  return useQuery({
    ...searchTargetsQueryOptions(environment, input),
    placeholderData: keepPreviousData,
    enabled,
  });
}
