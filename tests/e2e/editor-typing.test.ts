/**
 * The exercise editor never loses a keystroke (issue 10): with the CPU throttled 4× (CDP
 * Emulation.setCPUThrottlingRate), a 200-character line typed at 15 characters per second
 * in the middle of the CD-1 starter, while autosave fires, arrives exactly, and the cursor
 * ends where the typing ended. GIBBS_TYPING_RUNS sets how many times in a row (default 2;
 * the stress run is `GIBBS_TYPING_RUNS=20 npx vitest run tests/e2e/editor-typing.test.ts`).
 * Also measures keystroke → next frame (a keydown listener and the requestAnimationFrame
 * after it, inside the page) and navigation → editor ready, and writes their medians to
 * test-results/editor-timings.json.
 */

import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/prisma/client";
import {
  DEMO,
  E2E_SETUP_TIMEOUT_MS,
  RESULTS_DIR,
  ROOT,
  exercisePageUrl,
  launchBrowser,
  newPage,
  signIn,
  startApp,
  type RunningApp,
} from "./harness";

const STARTER = fs.readFileSync(path.join(ROOT, "exercises/10.3-rbm-cd1/starter.ts"), "utf8");
const RUNS = Number(process.env.GIBBS_TYPING_RUNS ?? 2);
/** 15 characters per second. */
const KEY_DELAY_MS = 66;
/** What a student types after the `// TODO 1` line: real code, 200 characters. */
const LINE = (
  "const Ph0 = V0.map((v) => b.map((bj, j) => sigmoid(bj + v.reduce((s, vi, i) => s + vi * W[i][j], 0))));" +
  " // hidden unit probabilities of the batch: one row per visible vector, computed before sampling H0"
).slice(0, 200);
const TODO_LINE = STARTER.split("\n").findIndex((l) => l.includes("// TODO 1"));
const INDENT = "  ";

let app: RunningApp;
let browser: Browser;
let db: Db;
let exerciseUrl: string;
const timings = {
  keyToFrameThrottledMs: [] as number[],
  keyToFrameMs: [] as number[],
  editorReadyMs: [] as number[],
  /** Long tasks (> 50 ms) while typing: per throttled run of 200 keys, and for the 60 unthrottled keys. */
  longTasksThrottled: [] as number[],
  longTasks: [] as number[],
};

beforeAll(async () => {
  expect(LINE).toHaveLength(200);
  expect(TODO_LINE).toBeGreaterThan(5);
  app = await startApp();
  browser = await launchBrowser();
  db = createDb(app.databaseUrl);
  ({ url: exerciseUrl } = await exercisePageUrl(app, db, "rbm-cd1"));
}, E2E_SETUP_TIMEOUT_MS);

afterAll(async () => {
  /** The q-quantile (nearest rank below) of the samples. */
  const quantile = (xs: number[], q: number) =>
    xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)] : null;
  const median = (xs: number[]) => quantile(xs, 0.5);
  const summary = {
    keyToFrameMedianMs: median(timings.keyToFrameMs),
    keyToFrameP90Ms: quantile(timings.keyToFrameMs, 0.9),
    keyToFrameThrottled4xMedianMs: median(timings.keyToFrameThrottledMs),
    keyToFrameThrottled4xP90Ms: quantile(timings.keyToFrameThrottledMs, 0.9),
    editorReadyMedianMs: median(timings.editorReadyMs),
    runs: RUNS,
    samples: timings,
  };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, "editor-timings.json"), JSON.stringify(summary, null, 2));
  console.log(
    `[editor e2e] keystroke → frame median ${summary.keyToFrameMedianMs} ms, p90 ${summary.keyToFrameP90Ms} ms (4× throttled: ${summary.keyToFrameThrottled4xMedianMs} / ${summary.keyToFrameThrottled4xP90Ms} ms), editor ready median ${summary.editorReadyMedianMs} ms`,
  );
  await db?.$disconnect();
  await browser?.close();
  await app?.stop();
});

/** Records, inside the page, the time from each keydown to the next animation frame. */
function recordKeyToFrame(page: Page) {
  return page.addInitScript(() => {
    const w = window as unknown as Sampled;
    w.__keyToFrame = [];
    w.__longTasks = 0;
    new PerformanceObserver((list) => (w.__longTasks += list.getEntries().length)).observe({ type: "longtask" });
    window.addEventListener(
      "keydown",
      () => {
        const t0 = performance.now();
        requestAnimationFrame(() => w.__keyToFrame.push(performance.now() - t0));
      },
      true,
    );
  });
}

type Sampled = { __keyToFrame: number[]; __longTasks: number };
const startSampling = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as Sampled;
    w.__keyToFrame = [];
    w.__longTasks = 0;
  });
const sampled = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as Sampled;
    return { keyToFrame: w.__keyToFrame.map((x) => Math.round(x * 10) / 10), longTasks: w.__longTasks };
  });

async function openExercise(page: Page) {
  await page.goto(exerciseUrl);
  await page.locator("[data-testid=workspace][data-editor-ready=true]").waitFor({ timeout: 30_000 });
  const ready = await page.evaluate(() => performance.getEntriesByName("gibbs:editor-ready")[0]?.startTime ?? null);
  if (ready !== null) timings.editorReadyMs.push(Math.round(ready));
}

/** Clicks just right of the end of the `// TODO 1` line's text, then presses Enter (a new line below it). */
async function clickEndOfTodo1(page: Page) {
  const text = page
    .locator(".monaco-editor .view-line")
    .filter({ hasText: /TODO\s1/ })
    .locator("span")
    .first();
  // Monaco may replace its line elements while it settles (tokens arriving): retry until one has a box.
  for (let attempt = 0; ; attempt++) {
    await text.waitFor();
    const box = await text.boundingBox();
    if (box) {
      await page.mouse.click(box.x + box.width + 8, box.y + box.height / 2);
      break;
    }
    if (attempt > 50) throw new Error("the TODO 1 line never got a bounding box");
    await page.waitForTimeout(100);
  }
  await page.keyboard.press("Enter");
}

/** Puts the starter back into the student's draft (the server's copy, which the page opens). */
async function resetDraft(userEmail: string) {
  await db.draft.deleteMany({ where: { user: { email: userEmail }, exercise: { slug: "rbm-cd1" } } });
}

async function draftCode(userEmail: string): Promise<string | null> {
  const d = await db.draft.findFirst({ where: { user: { email: userEmail }, exercise: { slug: "rbm-cd1" } } });
  return d?.code ?? null;
}

describe("exercise editor under load", () => {
  it(
    `keeps every keystroke and the cursor: 200 characters at 15/s, CPU 4× throttled, autosave firing (${RUNS} runs)`,
    async () => {
      const expected = STARTER.split("\n");
      expected.splice(TODO_LINE + 1, 0, INDENT + LINE);
      const expectedText = expected.join("\n");
      let exact = 0;
      // One sign-in for all runs (sign-in is rate-limited per email); a fresh tab per run.
      const first = await newPage(browser, { locale: "en-US" });
      await signIn(first, app, DEMO.student);
      for (let run = 0; run < RUNS; run++) {
        await resetDraft(DEMO.student.email);
        const page = await first.context().newPage();
        await recordKeyToFrame(page);
        await openExercise(page);
        const cdp = await page.context().newCDPSession(page);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
        let saves = 0;
        page.on("request", (r) => {
          if (r.method() === "PUT" && r.url().endsWith("/draft")) saves++;
        });

        // Click the end of the `// TODO 1` line, press Enter, type.
        await clickEndOfTodo1(page);
        await startSampling(page);
        await page.keyboard.type(LINE, { delay: KEY_DELAY_MS });
        const s = await sampled(page);
        timings.keyToFrameThrottledMs.push(...s.keyToFrame);
        timings.longTasksThrottled.push(s.longTasks);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });

        await page.locator("[data-testid=save-state][data-state=saved]").waitFor({ timeout: 15_000 });
        const saved = await draftCode(DEMO.student.email);
        expect(saved).toBe(expectedText);
        expect(saves, "autosave fired while typing").toBeGreaterThanOrEqual(2);
        const cursor = await page.getByTestId("cursor-position").getAttribute("data-position");
        expect(cursor).toBe(`${TODO_LINE + 2}:${INDENT.length + LINE.length + 1}`);
        exact++;
        console.log(`[editor e2e] run ${run + 1}/${RUNS}: exact text and cursor, ${saves} autosaves while typing`);
        await page.close();
      }
      await first.context().close();
      console.log(`[editor e2e] ${exact}/${RUNS} runs exact`);
    },
    RUNS * 90_000,
  );

  it("keystroke → next frame without throttling", async () => {
    await resetDraft(DEMO.student.email);
    const page = await newPage(browser, { locale: "en-US" });
    await recordKeyToFrame(page);
    await signIn(page, app, DEMO.student);
    await openExercise(page);
    await clickEndOfTodo1(page);
    await startSampling(page);
    await page.keyboard.type(LINE.slice(0, 60), { delay: KEY_DELAY_MS });
    const s = await sampled(page);
    expect(s.keyToFrame.length).toBe(60);
    timings.keyToFrameMs.push(...s.keyToFrame);
    timings.longTasks.push(s.longTasks);
    await page.locator("[data-testid=save-state][data-state=saved]").waitFor({ timeout: 15_000 });
    // Stopped mid-line: the brackets Monaco closed by itself follow the typed text.
    const typed = (await draftCode(DEMO.student.email))!.split("\n")[TODO_LINE + 1];
    expect(typed.startsWith(INDENT + LINE.slice(0, 60))).toBe(true);
    await page.context().close();
  }, 90_000);
});
