"use client";
/**
 * The one rule for dates on every screen, student and staff: the time in the course's time
 * zone (GIBBS_TIME_ZONE, next-intl's `timeZone`), labelled with that zone, and, when the
 * reader's own zone differs, their local time in a tooltip (added after hydration, since
 * only the browser knows its zone).
 */

import { useBrowserValue } from "@/app/_components/browser/useBrowserValue";
import { useLocale, useTimeZone } from "next-intl";

export type CourseTimeStyle = "short" | "medium";

const FORMATS: Record<CourseTimeStyle, Intl.DateTimeFormatOptions> = {
  short: { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" },
  medium: { year: "numeric", month: "short", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit" },
};

/** `date` in `timeZone`, with the zone's short name ("GMT+8", "CET"). */
export function formatInZone(date: Date, locale: string, timeZone: string, style: CourseTimeStyle = "short"): string {
  return new Intl.DateTimeFormat(locale, { ...FORMATS[style], timeZone, timeZoneName: "short" }).format(date);
}

export function CourseTime({ value, style = "short" }: { value: Date | string; style?: CourseTimeStyle }) {
  const locale = useLocale();
  const courseZone = useTimeZone() ?? "UTC";
  const ms = (typeof value === "string" ? new Date(value) : value).getTime();
  const date = new Date(ms);
  // the reader's own zone is known only in the browser
  const local = useBrowserValue(() => {
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const differs = formatInZone(date, "en", own) !== formatInZone(date, "en", courseZone);
    return differs ? formatInZone(date, locale, own, style) : undefined;
  }, undefined);
  return (
    <time dateTime={date.toISOString()} title={local} suppressHydrationWarning>
      {formatInZone(date, locale, courseZone, style)}
    </time>
  );
}
