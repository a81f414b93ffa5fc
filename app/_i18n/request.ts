/** next-intl's per-request configuration (wired in next.config.js): locale from cookie or Accept-Language. */

import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, resolveLocale } from "./config";
import { messagesFor } from "./messages";
import { courseTimeZone } from "../_lib/dates";

export default getRequestConfig(async () => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerStore.get("accept-language"));
  return { locale, messages: messagesFor(locale), timeZone: courseTimeZone() };
});
