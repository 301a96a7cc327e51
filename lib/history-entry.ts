/**
 * Rewrites the address of the current history entry, but only while that entry is still the page that asks.
 *
 * A filter island listens to its form's `change` event, and a text field fires `change` when it loses focus — which
 * also happens when Back swaps the page: the browser has already moved to the previous entry, the listener is not
 * yet removed, and a replaceState then would stamp this page's query onto the previous page's URL (the reported
 * `/?q=gemma` on the home page). Checking the pathname first keeps each write on the entry the user is looking at.
 */
export function replaceQueryOnEntry(pathname: string, query: string): boolean {
  if (window.location.pathname !== pathname) return false;
  const href = query ? `${pathname}?${query}` : pathname;
  if (window.location.pathname + window.location.search === href) return true;
  // null state: Next.js's patched replaceState copies its own router state into the entry.
  window.history.replaceState(null, "", href);
  return true;
}
