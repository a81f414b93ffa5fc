/**
 * Gradebook render time on localhost against the production build: 300 students ×
 * 25 exercises (1–3 graded submissions per cell), signed in as the instructor.
 * Measures (a) the server's full HTML response to a document request and (b) five browser
 * navigations until the `load` event (with the browser's own DOMContentLoaded and first
 * contentful paint); medians, saved to test-results/staff-gradebook-timing.json.
 */

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { hashPassword } from "@/accounts/password";
import { seedLargeCourse, type LargeCourse } from "../staff/largeCourse";
import {
  E2E_SETUP_TIMEOUT_MS,
  RESULTS_DIR,
  launchBrowser,
  newPage,
  signIn,
  startApp,
  type RunningApp,
} from "./harness";
import { seriousViolations } from "./axe";

const PASSWORD = "large-course-password";
let app: RunningApp;
let browser: Browser;
let course: LargeCourse;

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  app = await startApp({
    prepare: async (db) => {
      course = await seedLargeCourse(db, { students: 300, exercises: 25, password: passwordHash });
    },
  });
  browser = await launchBrowser();
}, E2E_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

it("renders the 300 × 25 gradebook quickly (target < 1 s)", async () => {
  const page = await newPage(browser);
  await signIn(page, app, { email: course.instructorEmail, password: PASSWORD });
  const url = `${app.baseUrl}/courses/${course.courseId}/staff/gradebook?assignment=${course.assignmentId}`;

  const html: number[] = [];
  let htmlBytes = 0;
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    // A browser's document request (its Accept header), not the router's RSC fetch.
    const r = await page.request.get(url, { headers: { accept: "text/html,application/xhtml+xml" } });
    const body = await r.text();
    const ms = performance.now() - t0;
    htmlBytes = Buffer.byteLength(body);
    expect(r.status()).toBe(200);
    expect(body.match(/data-testid="gb-row"/g)?.length).toBe(300);
    // The rows are in the document once: not repeated in the RSC payload's script.
    expect(body.match(/gb-row/g)?.length).toBe(300);
    if (i > 0) html.push(ms); // the first request warms the server
  }
  const load: number[] = [];
  const paint: number[] = [];
  const dcl: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await page.goto(url, { waitUntil: "load" });
    load.push(performance.now() - t0);
    // The browser's own clock: first contentful paint (the table is on screen; the page paints nothing before the
    // table is parsed, so it may come just after `load`) and DOMContentLoaded.
    const nav = await page.evaluate(async () => ({
      fcp: await new Promise<number>((resolve) =>
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntriesByName("first-contentful-paint")[0];
          if (!entry) return;
          observer.disconnect();
          resolve(entry.startTime);
        }).observe({ type: "paint", buffered: true }),
      ),
      dcl: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
    }));
    paint.push(nav.fcp);
    dcl.push(nav.dcl);
  }
  expect(await page.locator("[data-testid=gb-row]").count()).toBe(300);
  const summary = {
    loadAverage: os.loadavg(),
    students: 300,
    exercises: 25,
    htmlBytes,
    htmlMedianMs: median(html),
    browserLoadMedianMs: median(load),
    firstContentfulPaintMedianMs: median(paint),
    domContentLoadedMedianMs: median(dcl),
    htmlSamplesMs: html,
    loadSamplesMs: load,
    domContentLoadedSamplesMs: dcl,
  };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, "staff-gradebook-timing.json"), JSON.stringify(summary, null, 2));
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log(
    `[staff e2e] gradebook 300×25, median of ${load.length} browser loads: load ${ms(summary.browserLoadMedianMs)}, ` +
      `DOMContentLoaded ${ms(summary.domContentLoadedMedianMs)}, first contentful paint ${ms(summary.firstContentfulPaintMedianMs)}; ` +
      `HTML ${(htmlBytes / 1e6).toFixed(2)} MB (${htmlBytes} bytes), server median of ${html.length} ${ms(summary.htmlMedianMs)}; ` +
      `load average ${summary.loadAverage.map((x) => x.toFixed(2)).join(" ")}`,
  );
  // The target is < 1 s (see the figures printed above, measured on an idle machine). The suite
  // runs beside other test processes on 2 shared cores, so the assertion is a 3× regression guard.
  expect(summary.htmlMedianMs).toBeLessThan(3000);
  expect(summary.browserLoadMedianMs).toBeLessThan(3000);
  await page.context().close();
}, 180_000);

it("keeps the 300 × 25 gradebook whole: sticky columns, the last row drawn, sorting and Back, filter as you type", async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
  await signIn(page, app, { email: course.instructorEmail, password: PASSWORD });
  const url = `${app.baseUrl}/courses/${course.courseId}/staff/gradebook?assignment=${course.assignmentId}`;
  await page.goto(url);
  const rows = page.locator("[data-testid=gb-row]");
  expect(await rows.count()).toBe(300);
  expect(await seriousViolations(page)).toEqual([]);

  // Scrolled sideways with the mouse wheel, the name, ID and total cells stay where they were.
  const first = rows.first();
  const sticky = () =>
    first.evaluate((tr) => {
      const cells = [...tr.children] as HTMLElement[];
      const x = (el: HTMLElement) => Math.round(el.getBoundingClientRect().left);
      return { name: x(cells[0]), id: x(cells[1]), total: x(cells[cells.length - 1]), score: x(cells[2]) };
    });
  const before = await sticky();
  // The table's scrolling frame (the table itself is far wider than the screen).
  const box = (await page.getByTestId("gradebook").locator("..").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.wheel(600, 0);
  await expect.poll(async () => (await sticky()).score).toBeLessThan(before.score);
  const after = await sticky();
  expect({ name: after.name, id: after.id, total: after.total }).toEqual({
    name: before.name,
    id: before.id,
    total: before.total,
  });

  // Scrolled to the bottom, the last row is drawn with its scores.
  await page.mouse.wheel(-600, 40_000);
  const last = rows.last();
  await expect.poll(() => last.evaluate((tr) => (tr.children[2] as HTMLElement).innerText.trim())).not.toBe("");
  expect(await last.evaluate((tr) => (tr.children[2] as HTMLElement).innerText.trim())).toBe(
    await last.evaluate((tr) => (tr.children[2] as HTMLElement).textContent.trim()),
  );

  // Sorting is a client navigation: the rows come in the router's payload. Back shows the document's own rows again.
  const total = page.getByRole("link", { name: "Total", exact: true });
  await total.scrollIntoViewIfNeeded();
  await total.click();
  await page.waitForURL(/[?&]sort=total(&|$)/);
  await page.locator("[data-testid=gradebook] th[aria-sort=ascending] >> text=Total").waitFor();
  expect(await rows.count()).toBe(300);
  await page.goBack();
  await page.waitForURL((u) => !u.searchParams.has("sort"));
  await expect.poll(() => rows.count()).toBe(300);
  expect(await rows.first().evaluate((tr) => tr.children.length)).toBe(1 + 1 + 25 + 2); // name, ID, 25 exercises, %, total

  // Filter as you type.
  await page.getByTestId("gb-search").click();
  await page.keyboard.type("Student 29", { delay: 60 });
  await page.waitForURL(/[?&]q=Student\+29(&|$)/);
  await expect.poll(() => rows.count()).toBeLessThan(300);
  const names = await rows.evaluateAll((rs) => rs.map((r) => r.querySelector("th")!.textContent));
  expect(names.length).toBeGreaterThan(0);
  for (const n of names) expect(n).toContain("Student 29");

  // The scores are one grid with one tab stop: arrow keys move between cells, Enter opens the submission with the view.
  const firstScore = rows.first().locator("td[data-s]").first();
  await expect.poll(() => firstScore.getAttribute("tabindex")).toBe("0");
  const submission = await firstScore.getAttribute("data-s");
  await firstScore.focus();
  await page.keyboard.press("ArrowRight");
  expect(await firstScore.evaluate((td) => document.activeElement === td.nextElementSibling)).toBe(true);
  expect(await firstScore.getAttribute("tabindex")).toBeNull();
  await page.keyboard.press("ArrowLeft");
  expect(await firstScore.evaluate((td) => document.activeElement === td)).toBe(true);
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/staff/submissions/${submission}\\?.*q=Student\\+29`));
  await page.context().close();
}, 120_000);

it("on a phone in Chinese: every row, no sideways scroll of the page, a tapped score opens its submission", async () => {
  const page = await newPage(browser, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: "zh-CN",
  });
  await signIn(page, app, { email: course.instructorEmail, password: PASSWORD });
  await page.goto(`${app.baseUrl}/courses/${course.courseId}/staff/gradebook?assignment=${course.assignmentId}`);
  await page.getByRole("heading", { level: 1, name: /成绩册/ }).waitFor();
  const rows = page.locator("[data-testid=gb-row]");
  expect(await rows.count()).toBe(300);
  // The page itself does not scroll sideways; the table scrolls inside its own frame.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const frame = page.getByTestId("gradebook").locator("..");
  expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  const cell = rows.nth(1).locator("td[data-s]").first();
  const submission = await cell.getAttribute("data-s");
  await cell.scrollIntoViewIfNeeded();
  await cell.tap();
  await page.waitForURL(new RegExp(`/staff/submissions/${submission}(\\?|$)`));
  await page.context().close();
}, 120_000);
