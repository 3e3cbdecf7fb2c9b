// The current screen, kept in step with the location hash.

import type { NextPassage } from "../api";
import { formatRoute, parseRoute, type Route } from "./routes";

export const router = $state<{ route: Route }>({ route: parseRoute(location.hash) });

/** A passage handed from one screen to the next ("Read it now"), so it is not looked up again. */
export const handoff = $state<{ next: NextPassage | null }>({ next: null });

export function navigate(route: Route): void {
  const hash = formatRoute(route);
  router.route = route;
  if (location.hash !== hash) history.pushState(null, "", hash);
  // New screen: start at the top and let screen readers announce its heading.
  window.scrollTo(0, 0);
}

window.addEventListener("popstate", () => {
  router.route = parseRoute(location.hash);
});
window.addEventListener("hashchange", () => {
  router.route = parseRoute(location.hash);
});
