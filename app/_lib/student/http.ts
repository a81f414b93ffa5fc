/** Route-handler glue for the student API: the signed-in user, JSON bodies, and StudentError → JSON response. */

import { apiUser } from "@/app/_lib/auth";
import { StudentError } from "./errors";

/** Runs `fn` for the signed-in user; StudentErrors become their JSON response, never a stack trace. */
export async function studentRoute(fn: (userId: string) => Promise<unknown>): Promise<Response> {
  const u = await apiUser();
  if (u instanceof Response) return u;
  try {
    const body = await fn(u.user.id);
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    if (e instanceof StudentError) {
      const headers: Record<string, string> = { "cache-control": "no-store" };
      if (e.code === "rate_limited") headers["retry-after"] = String(e.params.retryAfterSeconds);
      return Response.json(e.toJSON(), { status: e.status, headers });
    }
    throw e;
  }
}

/** The `code` field of a JSON request body. */
export async function codeFromBody(req: Request): Promise<unknown> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new StudentError("bad_request", { reason: "the body is not JSON" });
  }
  if (!body || typeof body !== "object" || !("code" in body))
    throw new StudentError("bad_request", { reason: 'missing "code"' });
  return (body as { code: unknown }).code;
}
