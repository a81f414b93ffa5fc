"use client";
/**
 * A date and time in the reader's own time zone. The server renders it in the course's
 * time zone (GIBBS_TIME_ZONE, passed as `serverText`); after hydration the browser
 * re-formats it in its own zone, with the zone's name, in the page's language.
 */

import { useEffect, useState } from "react";
import { useLocale } from "next-intl";

const OPTIONS: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "short",
  day: "numeric",
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
};

export function LocalTime({ iso, serverText }: { iso: string; serverText: string }) {
  const locale = useLocale();
  const [text, setText] = useState(serverText);
  useEffect(() => setText(new Intl.DateTimeFormat(locale, OPTIONS).format(new Date(iso))), [iso, locale]);
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}
