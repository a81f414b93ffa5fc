/**
 * The course's time zone (GIBBS_TIME_ZONE): every screen shows dates in it (CourseTime), and the
 * staff forms take dates in it. Conversions between an instant and a zone's wall-clock time
 * ("2026-12-01T08:00", the value of an <input type="datetime-local">) through Intl.
 */

export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

export function courseTimeZone(): string {
  return process.env.GIBBS_TIME_ZONE ?? DEFAULT_TIME_ZONE;
}

/** How far `zone`'s wall clock is ahead of UTC at `date`, in ms. */
function zoneOffsetMs(date: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return wall - Math.floor(date.getTime() / 1000) * 1000;
}

/** The datetime-local value ("yyyy-mm-ddThh:mm") of `date` on `zone`'s wall clock. */
export function toZonedInput(date: Date, zone: string): string {
  return new Date(date.getTime() + zoneOffsetMs(date, zone)).toISOString().slice(0, 16);
}

/** The instant at which `zone`'s wall clock reads `value` ("yyyy-mm-ddThh:mm"); an invalid Date for anything else. */
export function fromZonedInput(value: string, zone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return new Date(Number.NaN);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // The offset at the guess, then at the result (they differ only across a DST change).
  const first = wall - zoneOffsetMs(new Date(wall), zone);
  return new Date(wall - zoneOffsetMs(new Date(first), zone));
}
