import { afterEach, expect, test, vi } from "vitest";
import { handOffRows, isDocumentRequest, receiveRows } from "@/app/courses/[courseId]/staff/gradebook/rowsHandoff";

afterEach(() => {
  vi.useRealTimers();
});

test("only a browser's document request takes the handoff; the router's RSC fetches and server actions do not", () => {
  const h = (init: Record<string, string>) => new Headers(init);
  expect(isDocumentRequest(h({ accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" }))).toBe(
    true,
  );
  expect(isDocumentRequest(h({ accept: "text/html", rsc: "1" }))).toBe(false);
  expect(isDocumentRequest(h({ accept: "text/x-component", rsc: "1", "next-router-state-tree": "[]" }))).toBe(false);
  expect(isDocumentRequest(h({ accept: "text/html", "next-action": "abc" }))).toBe(false);
  expect(isDocumentRequest(h({ accept: "*/*" }))).toBe(false);
  expect(isDocumentRequest(h({}))).toBe(false);
});

test("the rows handed off under a key are read back by the same process until they expire", () => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-12-01T12:00:00Z"));
  const a = handOffRows("<tr><td>a</td></tr>");
  const b = handOffRows("<tr><td>b</td></tr>");
  expect(a).not.toBe(b);
  expect(receiveRows(a)).toBe("<tr><td>a</td></tr>");
  expect(receiveRows(b)).toBe("<tr><td>b</td></tr>");
  // Read twice (a render may run again): still there.
  expect(receiveRows(a)).toBe("<tr><td>a</td></tr>");
  expect(receiveRows("no-such-key")).toBeUndefined();
  // Entries older than the keep time are dropped at the next handoff.
  vi.setSystemTime(new Date("2026-12-01T12:01:00Z"));
  const c = handOffRows("<tr><td>c</td></tr>");
  expect(receiveRows(a)).toBeUndefined();
  expect(receiveRows(b)).toBeUndefined();
  expect(receiveRows(c)).toBe("<tr><td>c</td></tr>");
});
