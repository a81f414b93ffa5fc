/**
 * The student experience end to end, in Chromium against the production build with a
 * real grader worker: sign in, open the CD-1 exercise, Run the starter (failing diff),
 * submit it and the correct solution (full marks), history and diff, a misconception's
 * hint, an infinite loop (time limit, and the next submission still grades), 404 for
 * another student's submission, no request leaving localhost, zh and en pages.
 * Prints and saves (test-results/student-timings.json) the medians of page-ready,
 * Run → result and Submit → graded.
 */

import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/prisma/client";
import { DEMO_COURSE } from "@/scripts/seed";
import {
  DEMO,
  E2E_SETUP_TIMEOUT_MS,
  RESULTS_DIR,
  ROOT,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  startApp,
  type RunningApp,
} from "./harness";

const SOLUTION = fs.readFileSync(path.join(ROOT, "exercises/10.3-rbm-cd1/solution.ts"), "utf8");
const STARTER = fs.readFileSync(path.join(ROOT, "exercises/10.3-rbm-cd1/starter.ts"), "utf8");
/** The registered "no batch average" misconception: the updates are not divided by B. */
const NO_BATCH_AVERAGE = SOLUTION.replaceAll("(eta / B)", "eta");
const INFINITE_LOOP = "export function cd1(V0: number[][]): never {\n  while (true) {}\n}\n";

let app: RunningApp;
let browser: Browser;
let db: Db;
let exerciseUrl: string;
let courseId: string;
/** Per test: several gradings through the real worker on a shared 2-core machine. */
const TEST_TIMEOUT_MS = 180_000;
const timings = {
  pageReadyMs: [] as number[],
  runMs: [] as number[],
  submitMs: [] as number[],
  htmlReceivedMs: [] as number[],
  domReadyMs: [] as number[],
};

beforeAll(async () => {
  app = await startApp({ graderWorkers: 1 });
  browser = await launchBrowser();
  db = createDb(app.databaseUrl);
  const course = await db.course.findUniqueOrThrow({ where: { slug: DEMO_COURSE.slug } });
  courseId = course.id;
  const item = await db.assignmentExercise.findFirstOrThrow({
    where: { exercise: { slug: "rbm-cd1" }, assignment: { courseId } },
  });
  exerciseUrl = `${app.baseUrl}/courses/${courseId}/assignments/${item.assignmentId}/exercises/rbm-cd1`;
}, E2E_SETUP_TIMEOUT_MS);

afterAll(async () => {
  const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] : null);
  const summary = {
    pageReadyMedianMs: median(timings.pageReadyMs),
    runMedianMs: median(timings.runMs),
    submitMedianMs: median(timings.submitMs),
    htmlReceivedMedianMs: median(timings.htmlReceivedMs),
    domReadyMedianMs: median(timings.domReadyMs),
    samples: timings,
  };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, "student-timings.json"), JSON.stringify(summary, null, 2));
  console.log(
    `[student e2e] medians: page ready ${summary.pageReadyMedianMs} ms, run → result ${summary.runMedianMs} ms, submit → graded ${summary.submitMedianMs} ms`,
  );
  if (app) fs.writeFileSync(path.join(RESULTS_DIR, "student-server.log"), app.output());
  await db?.$disconnect();
  await browser?.close();
  await app?.stop();
});

/** Opens the exercise page, asserting that no request leaves the app's origin while it loads; returns ms until the editor is usable. */
async function openExercise(page: Page): Promise<number> {
  const foreign: string[] = [];
  const onRequest = (r: { url(): string }) => {
    const u = r.url();
    if (!u.startsWith(app.baseUrl) && !u.startsWith("data:") && !u.startsWith("blob:")) foreign.push(u);
  };
  page.on("request", onRequest);
  const t0 = Date.now();
  await page.goto(exerciseUrl);
  await page.locator("[data-testid=workspace][data-editor-ready=true]").waitFor({ timeout: 30_000 });
  await page.locator(".monaco-editor .view-lines").waitFor();
  const ms = Date.now() - t0;
  // Where the time goes: the server's HTML, then hydration and Monaco.
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return { html: Math.round(n.responseEnd), dom: Math.round(n.domContentLoadedEventEnd) };
  });
  timings.htmlReceivedMs.push(nav.html);
  timings.domReadyMs.push(nav.dom);
  await page.waitForLoadState("networkidle");
  page.off("request", onRequest);
  expect(foreign).toEqual([]);
  timings.pageReadyMs.push(ms);
  return ms;
}

/** Replaces the editor's content by pasting (a clipboard paste event on the focused editor input, as Ctrl+V delivers it). */
/**
 * Replaces the editor's text by pasting `code`, and waits until the paste has landed: Monaco applies a
 * paste asynchronously, so the editor is emptied first (cursor 1:1) and then followed until its cursor
 * stands at the end of the pasted text (a loaded CI machine once submitted the previous code).
 */
async function setCode(page: Page, code: string) {
  const cursor = page.getByTestId("cursor-position");
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.locator('[data-testid=cursor-position][data-position="1:1"]').waitFor({ timeout: 10_000 });
  await page.evaluate((text) => {
    const target = document.activeElement ?? document.querySelector(".monaco-editor textarea");
    const data = new DataTransfer();
    data.setData("text/plain", text);
    target!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, code);
  const lines = code.split("\n");
  const end = `${lines.length}:${lines[lines.length - 1].length + 1}`;
  await expect.poll(() => cursor.getAttribute("data-position"), { timeout: 10_000 }).toBe(end);
}

async function run(page: Page) {
  const workspace = page.getByTestId("workspace");
  const seq = Number(await workspace.getAttribute("data-run-seq"));
  await page.getByTestId("run").click();
  const results = page.getByTestId("run-results");
  await page.locator(`[data-testid=workspace][data-run-seq="${seq + 1}"]`).waitFor({ timeout: 30_000 });
  await results.locator("[data-testid=live-status][data-status=graded]").waitFor({ timeout: 30_000 });
  timings.runMs.push(Number(await results.getAttribute("data-run-ms")));
  return results;
}

/** Submits with the keyboard shortcut and waits until graded. */
async function submit(page: Page, expectedCount: number) {
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+Shift+Enter");
  const results = page.getByTestId("submit-results");
  await page
    .getByTestId("history")
    .locator("tbody tr")
    .nth(expectedCount - 1)
    .waitFor({ timeout: 15_000 });
  await page.waitForFunction(
    (n) => {
      const rows = document.querySelectorAll('[data-testid="history"] tbody tr');
      const el = document.querySelector('[data-testid="submit-results"]');
      return (
        rows.length === n && rows[0].getAttribute("data-status") === "graded" && !!el?.getAttribute("data-submit-ms")
      );
    },
    expectedCount,
    { timeout: 60_000 },
  );
  timings.submitMs.push(Number(await results.getAttribute("data-submit-ms")));
  return results;
}

describe("student exercise page", () => {
  it(
    "runs the starter (failing diff), submits the starter and the solution (full marks), history and diff show both",
    async () => {
      const page = await newPage(browser, { locale: "en-US" });
      await signIn(page, app, DEMO.student);
      await page.goto(`${app.baseUrl}/courses/${courseId}`);
      await page.getByTestId("assignment").first().waitFor();
      // Unreleased assignments (10.6, 10.7) are invisible.
      const titles = await page.getByTestId("assignment").locator("h2").allTextContents();
      expect(titles.some((t) => t.startsWith("10.3"))).toBe(true);
      expect(titles.some((t) => t.startsWith("10.6") || t.startsWith("10.7"))).toBe(false);
      await screenshot(page, "student-dashboard-en");

      await openExercise(page);
      expect(await page.getByTestId("prompt").textContent()).toMatch(/CD-1|contrastive/i);
      expect(await page.locator(".katex").count()).toBeGreaterThan(0);

      // Run the starter: visible cases fail, with the mismatching elements marked.
      const r = await run(page);
      expect(await r.locator('li[data-status="failed"]').count()).toBeGreaterThan(0);
      expect(await r.getByText("≠").count()).toBeGreaterThan(0);
      expect(await r.getByText("Your output").count()).toBeGreaterThan(0);
      await screenshot(page, "student-run-starter-en");

      // Submit the starter, then the solution.
      await setCode(page, STARTER);
      const s1 = await submit(page, 1);
      expect(await s1.getByTestId("score").textContent()).toMatch(/^0 \//);
      await setCode(page, SOLUTION);
      await page.locator("[data-testid=save-state][data-state=saved]").waitFor({ timeout: 10_000 });
      const s2 = await submit(page, 2);
      const score = (await s2.getByTestId("score").textContent())!;
      const [got, max] = score.split("/").map((x) => Number(x.trim()));
      expect(max).toBeGreaterThan(0);
      expect(got).toBe(max);
      expect(await s2.locator('li[data-status="failed"]').count()).toBe(0);
      // The stored code is exactly the solution (the paste went through unchanged).
      const latest = await db.submission.findFirstOrThrow({
        where: { kind: "submit", exercise: { slug: "rbm-cd1" }, user: { email: DEMO.student.email } },
        orderBy: { submittedAt: "desc" },
      });
      expect(latest.code).toBe(SOLUTION);
      // Runs with the solution pass every visible case (and give more Run timings).
      for (let i = 0; i < 5; i++) {
        const rr = await run(page);
        expect(await rr.locator('li[data-status="failed"]').count()).toBe(0);
      }
      await page.getByRole("tab", { name: /Submission/ }).click();
      await page.getByTestId("submit-results").getByTestId("score").waitFor();
      await screenshot(page, "student-submit-solution-en");

      // History: both submissions; diff #1 against #2.
      const history = page.getByTestId("history");
      expect(await history.locator("tbody tr").count()).toBe(2);
      await page.getByLabel("with").selectOption({ label: "submission #2" });
      await page.getByRole("button", { name: "Show diff" }).click();
      const diff = page.getByRole("figure", { name: "Differences between two versions" });
      await diff.waitFor();
      expect(await diff.locator('[data-kind="added"]').count()).toBeGreaterThan(0);
      await screenshot(page, "student-history-diff-en");

      // Draft autosave: a reload (or another device) opens the latest code.
      await openExercise(page);
      const draft = await db.draft.findFirstOrThrow({
        where: { user: { email: DEMO.student.email }, exercise: { slug: "rbm-cd1" } },
      });
      expect(draft.code).toBe(SOLUTION);
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "shows a registered misconception's hint, a time-limit message for an infinite loop, and still grades the next submission",
    async () => {
      const page = await newPage(browser, { locale: "en-US" });
      await signIn(page, app, DEMO.student);
      await openExercise(page);
      const before = await page.getByTestId("history").locator("tbody tr").count();

      // A syntax error: Run reports it at its line, and the editor marks that line.
      await setCode(page, "export function cd1(V0: number[][]) {\n  return V0 +;\n}\n");
      const bad = await run(page);
      expect(await bad.getByTestId("compile-error").textContent()).toMatch(/Line 2/);
      await page.locator(".monaco-editor .squiggly-error").first().waitFor({ timeout: 10_000 });
      await screenshot(page, "student-compile-error-en");

      await setCode(page, NO_BATCH_AVERAGE);
      const m = await submit(page, before + 1);
      const hint = m.locator(".alert--warn").first();
      await hint.waitFor();
      expect(await hint.textContent()).toContain("averaged over the batch");
      await screenshot(page, "student-misconception-hint-en");

      await setCode(page, INFINITE_LOOP);
      const loop = await submit(page, before + 2);
      expect(await loop.textContent()).toMatch(/Time limit exceeded/);
      await screenshot(page, "student-time-limit-en");

      await setCode(page, SOLUTION);
      const ok = await submit(page, before + 3);
      const [got, max] = (await ok.getByTestId("score").textContent())!.split("/").map((x) => Number(x.trim()));
      expect(got).toBe(max);
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "gives another student 404 for the first student's submission, page and API",
    async () => {
      const alicesSub = await db.submission.findFirstOrThrow({
        where: { kind: "submit", user: { email: DEMO.student.email } },
      });
      const page = await newPage(browser);
      const bob = DEMO.students.find((s) => s.email !== DEMO.student.email)!;
      await signIn(page, app, bob);
      const res = await page.goto(`${app.baseUrl}/courses/${courseId}/submissions/${alicesSub.id}`);
      expect(res?.status()).toBe(404);
      const api = await page.request.get(`${app.baseUrl}/api/student/submissions/${alicesSub.id}`);
      expect(api.status()).toBe(404);
      expect(await api.text()).not.toContain(alicesSub.code.slice(0, 40));
      const status = await page.request.get(`${app.baseUrl}/api/student/submissions/${alicesSub.id}/status`);
      expect(status.status()).toBe(404);
      // Alice herself sees it, and nothing she can fetch contains a hidden case's inputs or expected values.
      const own = await newPage(browser);
      await signIn(own, app, DEMO.student);
      const hiddenNumbers = new Set<string>();
      const hiddenCases = await db.caseResult.findMany({
        where: { visibility: { not: "visible" }, result: { submission: { user: { email: DEMO.student.email } } } },
      });
      expect(hiddenCases.length).toBeGreaterThan(0);
      for (const c of hiddenCases)
        for (const m of `${c.inputJson} ${c.expectedJson}`.matchAll(/-?\d+\.\d{6,}/g)) hiddenNumbers.add(m[0]);
      expect(hiddenNumbers.size).toBeGreaterThan(10);
      const apiBase = new URL(exerciseUrl.replace(app.baseUrl, `${app.baseUrl}/api/student`));
      const subs = await db.submission.findMany({
        where: { user: { email: DEMO.student.email } },
        select: { id: true },
      });
      const bodies: string[] = [];
      for (const url of [
        exerciseUrl,
        `${app.baseUrl}/courses/${courseId}`,
        `${apiBase}/submissions`,
        `${apiBase}/draft`,
        ...subs.flatMap((x) => [
          `${app.baseUrl}/api/student/submissions/${x.id}`,
          `${app.baseUrl}/api/student/submissions/${x.id}/status`,
          `${app.baseUrl}/courses/${courseId}/submissions/${x.id}`,
        ]),
      ]) {
        const r = await own.request.get(url);
        expect(r.status(), url).toBe(200);
        bodies.push(await r.text());
      }
      const leaked = [...hiddenNumbers].filter((n) => bodies.some((b) => b.includes(n)));
      expect(leaked).toEqual([]);
      const mine = await own.goto(`${app.baseUrl}/courses/${courseId}/submissions/${alicesSub.id}`);
      expect(mine?.status()).toBe(200);
      await own.getByTestId("submission-page").waitFor();
      await screenshot(own, "student-submission-en");
      await page.context().close();
      await own.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "the editor's TypeScript service knows the lab helper types and flags type errors",
    async () => {
      const page = await newPage(browser, { locale: "en-US" });
      await signIn(page, app, DEMO.student);
      await openExercise(page);
      await setCode(page, 'import { sigmoid } from "lab";\nexport const p: string = sigmoid(0.5);\n');
      // A type error (number is not a string) is squiggled: the "lab" module and its types resolved.
      await page.locator(".monaco-editor .squiggly-error").first().waitFor({ timeout: 30_000 });
      // Keyboard only: cursor into "sigmoid" on line 1, then Ctrl+K Ctrl+I (show hover).
      await page.keyboard.press("ControlOrMeta+Home");
      for (let i = 0; i < 11; i++) await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ControlOrMeta+K");
      await page.keyboard.press("ControlOrMeta+I");
      const hover = page.locator(".monaco-hover-content");
      await hover.filter({ hasText: "sigmoid(" }).first().waitFor({ timeout: 30_000 });
      expect(await hover.first().textContent()).toMatch(/function sigmoid\(\w+: number\): number/);
      await screenshot(page, "student-editor-hover-en");
      // Put the draft back, so later tests start from the solution.
      await setCode(page, SOLUTION);
      await page.locator("[data-testid=save-state][data-state=saved]").waitFor({ timeout: 10_000 });
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "renders in Chinese and English, at 1280 px and 768 px",
    async () => {
      const zh = await newPage(browser, { locale: "zh-CN" });
      await signIn(zh, app, DEMO.student);
      await openExercise(zh);
      expect(await zh.locator("html").getAttribute("lang")).toBe("zh-CN");
      expect((await zh.getByTestId("run").textContent())!).toContain("运行");
      expect((await zh.getByTestId("submit").textContent())!).toContain("提交");
      expect(await zh.getByTestId("prompt").getAttribute("lang")).toBe("zh-CN");
      await zh.getByTestId("run").click();
      await zh
        .getByTestId("run-results")
        .locator("[data-testid=live-status][data-status=graded]")
        .waitFor({ timeout: 30_000 });
      await screenshot(zh, "student-exercise-zh");
      // The prompt toggle switches to English without changing the interface language.
      await zh.getByTestId("prompt-lang-en").click();
      expect(await zh.getByTestId("prompt").getAttribute("lang")).toBe("en");
      await zh.goto(`${app.baseUrl}/courses/${courseId}`);
      expect(await zh.getByTestId("assignment").first().textContent()).toMatch(/截止时间/);
      await screenshot(zh, "student-dashboard-zh");
      await zh.context().close();

      const narrow = await newPage(browser, { locale: "en-US", viewport: { width: 768, height: 1024 } });
      await signIn(narrow, app, DEMO.student);
      await openExercise(narrow);
      const overflow = await narrow.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(narrow, "student-exercise-en-768");
      await narrow.context().close();
    },
    TEST_TIMEOUT_MS,
  );
});
