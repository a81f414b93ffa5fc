/**
 * The gradebook's rows, written into the HTML document once. Whatever a server component hands
 * to the page travels twice on a document request: rendered into the HTML, and serialised again
 * into the RSC payload that hydrates it (for 300 × 25 rows a second megabyte, as a script the
 * browser parses before the page is ready). On a document request the page therefore gives the
 * rows' HTML to the server-side render of <GradebookRows> through this store (the RSC and HTML
 * renders of a request run in the same Node process) and only the key goes into the payload.
 * A client navigation (filters, sorting) fetches the payload alone, so there the rows travel in it.
 */

interface Entry {
  html: string;
  at: number;
}

/** Long enough for the HTML render of the same request, which follows within milliseconds. */
const KEEP_MS = 30_000;
const g = globalThis as { __gibbsGradebookRows?: Map<string, Entry> };
const store = (g.__gibbsGradebookRows ??= new Map<string, Entry>());

/** Keeps `html` for this request's HTML render; returns its key. */
export function handOffRows(html: string): string {
  const now = Date.now();
  for (const [key, e] of store) if (now - e.at > KEEP_MS) store.delete(key);
  const key = crypto.randomUUID();
  store.set(key, { html, at: now });
  return key;
}

/** The rows handed off under `key` (on the server; undefined in the browser). */
export function receiveRows(key: string): string | undefined {
  return store.get(key)?.html;
}

/** A browser's request for the page's HTML document, not the router's RSC payload or a server action. */
export function isDocumentRequest(h: Headers): boolean {
  return (h.get("accept") ?? "").includes("text/html") && !h.has("rsc") && !h.has("next-action");
}
