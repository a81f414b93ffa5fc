/**
 * UI messages, one JSON file per area and locale: `messages/<area>.<locale>.json`.
 * Each file is loaded under the namespace of its area, so
 *   messages/student.en.json  { "dashboard": { "title": "…" } }
 * is used as  useTranslations("student")("dashboard.title")  or  getTranslations("student").
 * Areas: common (shell, shared words), auth (sign-in), student, staff. Every key must exist
 * in both locales (tests/i18n/messages.test.ts). To add an area, add its two files and one line below.
 */

import authEn from "./messages/auth.en.json";
import authZh from "./messages/auth.zh-CN.json";
import commonEn from "./messages/common.en.json";
import commonZh from "./messages/common.zh-CN.json";
import staffEn from "./messages/staff.en.json";
import staffZh from "./messages/staff.zh-CN.json";
import studentEn from "./messages/student.en.json";
import studentZh from "./messages/student.zh-CN.json";
import type { Locale } from "./config";

export type Messages = Record<string, unknown>;

export const MESSAGES: Record<Locale, Record<string, Messages>> = {
  en: { common: commonEn, auth: authEn, student: studentEn, staff: staffEn },
  "zh-CN": { common: commonZh, auth: authZh, student: studentZh, staff: staffZh },
};

export function messagesFor(locale: Locale): Record<string, Messages> {
  return MESSAGES[locale];
}
