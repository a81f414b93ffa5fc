/**
 * The three adapters between Next and the data functions: the ONLY places where AccessError
 * and InputError (./errors.ts) become a response.
 *
 *   export default async function Page({ params }) { return page(async () => { … }) }
 *       AccessError → sign-in redirect (signed out) or notFound() (the 404 page)
 *   export async function POST(req, { params }) { return route(req, async () => { … }) }
 *       the value → JSON (no-store); AccessError → 401/404, InputError → its status, both
 *       with `{ error: code, params, message: { en, zh } }`; a state-changing request must come
 *       from this site's own pages with a JSON body (./request.ts)
 *   export async function saveAction(courseId, form) {
 *     return action(() => staffContext(courseId), async (ctx) => { … }, (code) => formError)
 *   }
 *       the context refused → notFound() (like a page); AccessError inside → formError("notFound");
 *       InputError → formError(code)
 */

import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { safeNextPath } from "./auth";
import { AccessError, InputError, type InputErrorCode } from "./errors";
import { refuseRequest } from "./request";

/** Sign-in page, returning to the current path (set by proxy.ts as x-gibbs-path). */
async function signInRedirect(): Promise<never> {
  const next = (await headers()).get("x-gibbs-path");
  redirect(next && next !== "/signin" && safeNextPath(next) ? `/signin?next=${encodeURIComponent(next)}` : "/signin");
}

/** Pages and generateMetadata. */
export async function page<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AccessError) {
      if (e.code === "signed_out") return signInRedirect();
      notFound();
    }
    throw e;
  }
}

const NO_STORE = { "cache-control": "no-store" };

/** Route handlers: JSON in, JSON out. A handler may return its own Response (a download). */
export async function route(req: Request, fn: () => Promise<unknown>): Promise<Response> {
  try {
    const refused = refuseRequest(req);
    if (refused) throw refused;
    const body = await fn();
    return body instanceof Response ? body : Response.json(body, { headers: NO_STORE });
  } catch (e) {
    if (e instanceof AccessError || e instanceof InputError) {
      const headers: Record<string, string> = { ...NO_STORE };
      if (e instanceof InputError && e.params.retryAfterSeconds !== undefined)
        headers["retry-after"] = String(e.params.retryAfterSeconds);
      return Response.json(e.toJSON(), { status: e.status, headers });
    }
    throw e;
  }
}

export type FormErrorCode = InputErrorCode | "notFound";

/** Server actions: the caller's context, then the work; refusals become `formError(code)`. */
export async function action<C, T>(
  context: () => Promise<C>,
  fn: (ctx: C) => Promise<T>,
  formError: (code: FormErrorCode) => T | Promise<T>,
): Promise<T> {
  const ctx = await page(context);
  try {
    return await fn(ctx);
  } catch (e) {
    if (e instanceof InputError) return formError(e.code);
    if (e instanceof AccessError) return formError("notFound");
    throw e;
  }
}
