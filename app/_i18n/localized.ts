/**
 * Rows stored in both languages (`titleEn`/`titleZh`, `promptEn`/`promptZh`, …) read in the
 * reader's language. Pure: safe to import from server, client and tests.
 */

import type { Locale } from "./config";

/** `row[field + "Zh"]` for a Chinese reader, else `row[field + "En"]`; the field defaults to "title". */
export function localized<F extends string = "title">(
  row: Record<`${F}En` | `${F}Zh`, string>,
  locale: Locale | string,
  field: F = "title" as F,
): string {
  return locale === "zh-CN" ? row[`${field}Zh`] : row[`${field}En`];
}
