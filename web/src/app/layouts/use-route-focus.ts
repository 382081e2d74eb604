import { useRouter } from "@tanstack/react-router";
import { useEffect } from "react";

/** Frames to wait for a page's heading: a lazy section may render a moment after the route. */
const MAX_FRAMES = 60;

/**
 * Focuses the page's own starting point inside `container` once it is there: an element marked
 * `data-route-focus` (the search page's search box: the page is for typing), else its h1.
 * Returns a canceller.
 */
function focusHeadingWhenThere(container: string): () => void {
  let frame = 0;
  let handle = 0;
  const attempt = () => {
    const start = document.querySelector<HTMLElement>(`${container} [data-route-focus]`);
    if (start) {
      start.focus({ preventScroll: true });
      return;
    }
    const heading = document.querySelector<HTMLElement>(`${container} h1`);
    if (heading) {
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.classList.add("outline-none");
      heading.focus({ preventScroll: true });
    } else if (++frame < MAX_FRAMES) {
      handle = requestAnimationFrame(attempt);
    }
  };
  handle = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(handle);
}

/**
 * After every change of page (not of search params: a filter or an option stays where the user
 * is), focus moves to the new page's heading, so a keyboard or screen reader user starts reading
 * the new page from its top instead of from wherever the old page's focus fell to.
 *
 * @example useRouteFocus("#main")
 */
export function useRouteFocus(container: string) {
  const router = useRouter();
  useEffect(() => {
    let cancel = () => {};
    const unsubscribe = router.subscribe("onRendered", (event) => {
      if (!event.fromLocation || !event.pathChanged) return;
      cancel();
      cancel = focusHeadingWhenThere(container);
    });
    return () => {
      cancel();
      unsubscribe();
    };
  }, [router, container]);
}
