/** A route's `useNavigate()`, as far as changing its own search params goes. */
type SearchNavigate<TSearch> = (options: {
  search: (prev: TSearch) => TSearch;
  replace: boolean;
}) => Promise<void>;

/**
 * A target page's deletion state as its URL keeps it, so that a preview can be linked from a
 * ticket: whether the preview was asked for, and how to change that and the options. Each change
 * replaces the history entry.
 *
 * @example
 * const url = deletionSearch(route.useSearch(), route.useNavigate());
 * <HubDeletionPanel previewRequested={url.previewRequested} onPreviewRequested={url.requestPreview} … />
 */
export function deletionSearch<TSearch extends { preview: boolean }>(
  search: TSearch,
  navigate: SearchNavigate<NoInfer<TSearch>>,
) {
  const update = (patch: Partial<TSearch> | { preview: boolean }) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  return {
    previewRequested: search.preview,
    requestPreview: () => update({ preview: true }),
    setOptions: (options: Partial<TSearch>) => update(options),
  };
}
