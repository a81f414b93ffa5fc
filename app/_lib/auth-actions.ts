"use server";

/** Server actions for the sign-in form, sign-out button and language switch. */

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/prisma/client";
import { formText } from "./forms";
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "../_i18n/config";
import { getCurrentUser, safeNextPath, secureCookies } from "./auth";
import { deleteSession, SESSION_COOKIE } from "./auth/sessions";
import { signIn } from "./auth/signin";
import { clientAddress, trustedProxies } from "./auth/client-address";

const TRUSTED_PROXIES = trustedProxies(process.env.GIBBS_TRUSTED_PROXIES);

export interface SignInState {
  error?: "missing" | "invalid" | "rateLimited";
  retryAfterSeconds?: number;
  email?: string;
}

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = formText(form, "email");
  const password = formText(form, "password");
  const next = form.get("next");
  const h = await headers();
  const client = clientAddress(h, TRUSTED_PROXIES, process.env.GIBBS_PEER_HEADER);
  const result = await signIn(db(), { email, password, client });
  if (!result.ok) {
    return {
      error: result.error,
      email,
      retryAfterSeconds: result.error === "rateLimited" ? Math.ceil(result.retryAfterMs / 1000) : undefined,
    };
  }
  const store = await cookies();
  const secure = await secureCookies();
  store.set(SESSION_COOKIE, result.session.token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    expires: result.session.expiresAt,
  });
  if (isLocale(result.locale)) {
    store.set(LOCALE_COOKIE, result.locale, { sameSite: "lax", secure, path: "/", maxAge: LOCALE_COOKIE_MAX_AGE });
  }
  redirect(safeNextPath(next) ? next : "/");
}

export async function signOutAction(): Promise<void> {
  const store = await cookies();
  await deleteSession(db(), store.get(SESSION_COOKIE)?.value);
  store.delete(SESSION_COOKIE);
  redirect("/signin");
}

/** Remembers the language in a cookie and, when signed in, on the user. */
export async function setLocaleAction(form: FormData): Promise<void> {
  const locale = form.get("locale");
  if (!isLocale(locale)) return;
  const store = await cookies();
  store.set(LOCALE_COOKIE, locale, {
    sameSite: "lax",
    secure: await secureCookies(),
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE,
  });
  const user = await getCurrentUser();
  if (user) await db().user.update({ where: { id: user.id }, data: { locale } });
}
