/**
 * Next.js proxy (formerly "middleware"): passes the request path to server components as
 * the `x-gibbs-path` header, so the page adapter (app/_lib/adapters.ts) can send a signed-out visitor back to the
 * page they asked for after sign-in. No access decisions are made here (see app/_lib/context.ts).
 */

import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-gibbs-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
