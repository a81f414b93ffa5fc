"use client";
/**
 * The one rule for dates on every screen, student and staff: the time in the course's time
 * zone (GIBBS_TIME_ZONE, next-intl's `timeZone`), labelled with that zone, and, when the
 * reader's own zone differs, their local time in a tooltip (added after hydration, since
 * only the browser knows its zone).
 */

import { useEffect, useState } from "react";
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
  const [local, setLocal] = useState<string | undefined>(undefined);
  useEffect(() => {
    const at = new Date(ms);
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const differs = formatInZone(at, "en", own) !== formatInZone(at, "en", courseZone);
    setLocal(differs ? formatInZone(at, locale, own, style) : undefined);
  }, [ms, locale, courseZone, style]);
  return (
    <time dateTime={date.toISOString()} title={local} suppressHydrationWarning>
      {formatInZone(date, locale, courseZone, style)}
    </time>
  );
}
