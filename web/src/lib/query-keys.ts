/**
 * Query-key roots shared across features: every answer of one environment lives under
 * `["environments", env, …]`, so a deletion in one feature can invalidate another feature's lists
 * without importing it.
 *
 * @example queryClient.invalidateQueries({ queryKey: environmentKeys.search("dev") })
 */
export const environmentKeys = {
  all: (environment: string) => ["environments", environment] as const,
  info: (environment: string) => ["environments", environment, "info"] as const,
  search: (environment: string) => ["environments", environment, "search"] as const,
  locks: (environment: string) => ["environments", environment, "locks"] as const,
  hubs: (environment: string) => ["environments", environment, "hubs"] as const,
  organizations: (environment: string) => ["environments", environment, "organizations"] as const,
  projectKeys: (environment: string) => ["environments", environment, "project-keys"] as const,
  audit: (environment: string) => ["environments", environment, "audit"] as const,
  reset: (environment: string) => ["environments", environment, "reset"] as const,
  jobs: (environment: string) => ["environments", environment, "jobs"] as const,
};
