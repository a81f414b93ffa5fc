import { describe, expect, it } from "vitest";
import { fromZonedInput, toZonedInput } from "@/app/_lib/dates";
import { formatInZone } from "@/app/_components/CourseTime";

describe("course time zone", () => {
  it("reads and writes datetime-local values on the course's wall clock", () => {
    // 08:00 in Shanghai (UTC+8, no DST) is 00:00 UTC.
    expect(fromZonedInput("2026-12-01T08:00", "Asia/Shanghai").toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(toZonedInput(new Date("2026-12-01T00:00:00Z"), "Asia/Shanghai")).toBe("2026-12-01T08:00");
    // Berlin on both sides of the March DST change (UTC+1, then UTC+2).
    expect(fromZonedInput("2026-03-28T12:00", "Europe/Berlin").toISOString()).toBe("2026-03-28T11:00:00.000Z");
    expect(fromZonedInput("2026-03-30T12:00", "Europe/Berlin").toISOString()).toBe("2026-03-30T10:00:00.000Z");
    expect(toZonedInput(new Date("2026-03-30T10:00:00Z"), "Europe/Berlin")).toBe("2026-03-30T12:00");
    expect(fromZonedInput("2026-12-01T08:00", "UTC").toISOString()).toBe("2026-12-01T08:00:00.000Z");
  });

  it("gives an invalid date for anything that is not a datetime-local value", () => {
    for (const bad of ["", "tomorrow", "2026-12-01", "2026-12-01 08:00"])
      expect(Number.isNaN(fromZonedInput(bad, "Asia/Shanghai").getTime())).toBe(true);
  });

  it("labels a formatted date with the zone", () => {
    const d = new Date("2026-12-01T00:00:00Z");
    expect(formatInZone(d, "en-US", "Asia/Shanghai")).toMatch(/Dec 1, 2026.*08:00.*GMT\+8/);
    expect(formatInZone(d, "zh-CN", "Asia/Shanghai")).toMatch(/2026.*12.*1.*08:00/);
  });
});
