/**
 * UI messages, one JSON file per area and locale: `app/_i18n/messages/<area>.<locale>.json`.
 * Each file is loaded under the namespace of its area, so
 *   messages/student.en.json  { "dashboard": { "title": "…" } }
 * is used as  useTranslations("student")("dashboard.title")  or  getTranslations("student").
 * Areas today: common (shell, shared words), auth (sign-in), student, staff. Adding an area
 * means adding its two files; nothing lists them. Every key must exist in both locales
 * (tests/i18n/messages.test.ts). Server-only: client components get messages through
 * NextIntlClientProvider in the root layout.
 */

import fs from "node:fs";
import path from "node:path";
import { LOCALES, type Locale } from "./config";

export type Messages = Record<string, unknown>;

export const MESSAGES_DIR = path.join(process.cwd(), "app", "_i18n", "messages");

function read(dir: string): Record<Locale, Record<string, Messages>> {
  const out = Object.fromEntries(LOCALES.map((l) => [l, {}])) as Record<Locale, Record<string, Messages>>;
  for (const file of fs.readdirSync(dir).sort()) {
    const m = /^([a-z][\w-]*)\.(.+)\.json$/.exec(file);
    if (!m) continue;
    const [, area, locale] = m;
    if (!(LOCALES as readonly string[]).includes(locale))
      throw new Error(`${file}: unknown locale "${locale}" (expected one of ${LOCALES.join(", ")})`);
    try {
      out[locale as Locale][area] = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Messages;
    } catch (e) {
      throw new Error(`app/_i18n/messages/${file}: ${(e as Error).message}`);
    }
  }
  return out;
}

let cached: Record<Locale, Record<string, Messages>> | undefined;

/** All areas for every locale. Read once per process in production, on every call otherwise (edits show without restart). */
export function allMessages(dir: string = MESSAGES_DIR): Record<Locale, Record<string, Messages>> {
  if (dir !== MESSAGES_DIR) return read(dir);
  if (process.env.NODE_ENV !== "production") return read(dir);
  cached ??= read(dir);
  return cached;
}

export function messagesFor(locale: Locale): Record<string, Messages> {
  return allMessages()[locale];
}
