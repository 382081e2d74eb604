import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "./api-client";

declare module "@tanstack/react-query" {
  interface Register {
    /** `authRedirect: false` keeps a 401 local (the sign-in form shows it instead of redirecting). */
    queryMeta: { authRedirect?: boolean };
    mutationMeta: { authRedirect?: boolean };
  }
}

export interface QueryClientOptions {
  /** Called once per 401 from any query or mutation: the session expired or was revoked. */
  onUnauthorized: () => void;
}

/**
 * The app's QueryClient: no retries for client errors, and a single place that turns a 401
 * from any call into "sign in again".
 *
 * @example
 * const queryClient = createQueryClient({ onUnauthorized: () => router.navigate({ to: "/sign-in" }) });
 */
export function createQueryClient({ onUnauthorized }: QueryClientOptions): QueryClient {
  const handle = (error: unknown, meta: { authRedirect?: boolean } | undefined) => {
    if (isApiError(error, 401) && meta?.authRedirect !== false) onUnauthorized();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => handle(error, query.meta) }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => handle(error, mutation.meta),
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}
