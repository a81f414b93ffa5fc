/**
 * What a request to a route handler must look like (framework-free; the route adapter applies it).
 * A state-changing request (issue 13, CSRF) must come from this site's own pages — its `Origin`,
 * or else its `Sec-Fetch-Site`, names this origin — and a body must be JSON, which a cross-site
 * form or `no-cors` fetch cannot send.
 */

import { InputError } from "./errors";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

/** host[:port] under which this request reached us (directly, or as the proxy says). */
function ownHosts(req: Request): Set<string> {
  const hosts = new Set([new URL(req.url).host]);
  for (const h of [req.headers.get("host"), req.headers.get("x-forwarded-host")?.split(",")[0]]) {
    if (h) hosts.add(h.trim().toLowerCase());
  }
  return hosts;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** The refusal of a request that did not come from our own pages or has no JSON body, else null. */
export function refuseRequest(req: Request): InputError | null {
  if (!STATE_CHANGING.has(req.method)) return null;
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  const crossSite =
    origin !== null
      ? !ownHosts(req).has(originHost(origin) ?? "")
      : site !== null && site !== "same-origin" && site !== "none";
  if (crossSite) return new InputError("cross_site");
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (WITH_BODY.has(req.method) && type !== "application/json") return new InputError("not_json");
  return null;
}

/** The named fields of a JSON object request body (each must be present; their types are checked by the caller). */
export async function fieldsFromBody<K extends string>(req: Request, ...keys: K[]): Promise<Record<K, unknown>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new InputError("bad_request", { reason: "the body is not JSON" });
  }
  if (!body || typeof body !== "object") throw new InputError("bad_request", { reason: "the body is not an object" });
  for (const k of keys) if (!(k in body)) throw new InputError("bad_request", { reason: `missing "${k}"` });
  return body as Record<K, unknown>;
}

/** The `code` field of a JSON request body. */
export async function codeFromBody(req: Request): Promise<unknown> {
  return (await fieldsFromBody(req, "code")).code;
}
