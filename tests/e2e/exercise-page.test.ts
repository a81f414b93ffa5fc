/**
 * The exercise page as a person uses it (issue 10): a submit counts once (Ctrl+Shift+Enter
 * twice plus a click use one attempt), the shortcuts work outside the editor, the result
 * tabs follow the arrow keys, a phone reaches the editor at once, and axe-core finds no
 * serious or critical violation in light and dark. Saves screenshots at 1280 px and on a
 * phone (390 × 844) in English and Chinese: test-results/exercise-{en,zh}-{1280,phone}.png.
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
  exercisePageUrl,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  startApp,
  type RunningApp,
} from "./harness";
import { seriousViolations } from "./axe";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const TEST_TIMEOUT_MS = 180_000;

let app: RunningApp;
let browser: Browser;
let db: Db;
let exerciseUrl: string;
let courseId: string;

beforeAll(async () => {
  app = await startApp({ graderWorkers: 1 });
  browser = await launchBrowser();
  db = createDb(app.databaseUrl);
  ({ url: exerciseUrl, courseId } = await exercisePageUrl(app, db, "rbm-cd1"));
}, E2E_SETUP_TIMEOUT_MS);

afterAll(async () => {
  if (app) fs.writeFileSync(path.join(RESULTS_DIR, "exercise-page-server.log"), app.output());
  await db?.$disconnect();
  await browser?.close();
  await app?.stop();
});

async function openExercise(page: Page) {
  await page.goto(exerciseUrl);
  await page.locator("[data-testid=workspace][data-editor-ready=true]").waitFor({ timeout: 30_000 });
  await page.locator(".monaco-editor .view-lines").waitFor();
}

async function runAndWait(page: Page) {
  const seq = Number(await page.getByTestId("workspace").getAttribute("data-run-seq"));
  await page.getByTestId("run").click();
  await page.locator(`[data-testid=workspace][data-run-seq="${seq + 1}"]`).waitFor({ timeout: 30_000 });
}

async function submissionsOf(email: string) {
  return db.submission.count({ where: { kind: "submit", exercise: { slug: "rbm-cd1" }, user: { email } } });
}

describe("exercise page", () => {
  it(
    "a submit counts once: Ctrl+Shift+Enter twice plus a click use one attempt",
    async () => {
      const student = DEMO.students[1];
      const page = await newPage(browser, { locale: "en-US" });
      await signIn(page, app, student);
      await openExercise(page);
      const before = await submissionsOf(student.email);
      const policy = page.getByTestId("attempts");
      const used = Number(await policy.getAttribute("data-used"));
      await page.locator(".monaco-editor .view-lines").click();
      await page.keyboard.press("ControlOrMeta+Shift+Enter");
      await page.keyboard.press("ControlOrMeta+Shift+Enter");
      await page.getByTestId("submit").click({ force: true });
      await page
        .getByTestId("submit-results")
        .locator("[data-testid=live-status][data-status=graded]")
        .waitFor({ timeout: 60_000 });
      expect(await submissionsOf(student.email)).toBe(before + 1);
      expect(await page.getByTestId("history").locator("tbody tr").count()).toBe(before + 1);
      expect(Number(await policy.getAttribute("data-used"))).toBe(used + 1);
      // Graded: Submit is enabled again, and the shortcut works from outside the editor too.
      expect(await page.getByTestId("submit").isEnabled()).toBe(true);
      await page.getByRole("heading", { level: 1 }).click();
      await page.keyboard.press("ControlOrMeta+Shift+Enter");
      await page
        .getByTestId("history")
        .locator("tbody tr")
        .nth(before + 1)
        .waitFor({ timeout: 15_000 });
      expect(await submissionsOf(student.email)).toBe(before + 2);
      // A staff override is the score that counts, with its reason, on the exercise page and the submission page.
      const sub = await db.submission.findFirstOrThrow({
        where: { kind: "submit", exercise: { slug: "rbm-cd1" }, user: { email: student.email } },
      });
      const ta = await db.user.findUniqueOrThrow({ where: { email: DEMO.ta.email } });
      await db.override.create({
        data: {
          assignmentId: sub.assignmentId,
          exerciseId: sub.exerciseId,
          userId: sub.userId,
          score: 8,
          reason: "partial credit for the sampling step",
          actorId: ta.id,
        },
      });
      await openExercise(page);
      expect(await page.getByTestId("counted-score").textContent()).toMatch(/8 \/ \d+.*partial credit/);
      await page.goto(`${app.baseUrl}/courses/${courseId}/submissions/${sub.id}`);
      expect(await page.getByTestId("counted-score").textContent()).toMatch(/8 \/ \d+.*partial credit/);
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "result tabs are a tablist with arrow keys; Ctrl+Enter runs from outside the editor",
    async () => {
      const page = await newPage(browser, { locale: "en-US" });
      await signIn(page, app, DEMO.student);
      await openExercise(page);
      await page.getByRole("heading", { level: 1 }).click();
      const seq = Number(await page.getByTestId("workspace").getAttribute("data-run-seq"));
      await page.keyboard.press("ControlOrMeta+Enter");
      await page.locator(`[data-testid=workspace][data-run-seq="${seq + 1}"]`).waitFor({ timeout: 30_000 });
      const runTab = page.getByRole("tab", { name: /Run/ });
      const submitTab = page.getByRole("tab", { name: /Submission/ });
      expect(await runTab.getAttribute("aria-selected")).toBe("true");
      expect(await page.getByRole("tabpanel", { name: /Run/ }).isVisible()).toBe(true);
      await runTab.focus();
      await page.keyboard.press("ArrowRight");
      expect(await submitTab.getAttribute("aria-selected")).toBe("true");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("results-tab-submit");
      expect(await page.getByRole("tabpanel", { name: /Submission/ }).isVisible()).toBe(true);
      expect(await page.getByTestId("run-results").isVisible()).toBe(false);
      await page.keyboard.press("ArrowLeft");
      expect(await runTab.getAttribute("aria-selected")).toBe("true");
      // The history comes after the results in the tab order.
      const order = await page.evaluate(() => {
        const results = document.querySelector("#results-tab-run")!;
        const history = document.querySelector("#history-title")!;
        return results.compareDocumentPosition(history) & Node.DOCUMENT_POSITION_FOLLOWING;
      });
      expect(order).toBeTruthy();
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  const TRY_RUNS = [
    {
      tag: "en-1280",
      locale: "en-US",
      student: 2,
      opts: {},
      tab: "Try",
      ran: "Your function returned",
      bad: /not valid JSON.*V0/,
    },
    {
      tag: "zh-phone",
      locale: "zh-CN",
      student: 1,
      opts: PHONE,
      tab: "试运行",
      ran: "你的函数返回了",
      bad: /不是有效的 JSON.*V0/,
    },
  ] as const;
  for (const r of TRY_RUNS) {
    it(
      `Try (${r.tag}): the student's code on arguments they pick and type, with the output and console, no expected value, no attempt`,
      async () => {
        const student = DEMO.students[r.student];
        const page = await newPage(browser, { locale: r.locale, ...r.opts });
        await signIn(page, app, student);
        await openExercise(page);
        const used = Number(await page.getByTestId("attempts").getAttribute("data-used"));
        // On a phone the results are one of three views: tap it first.
        if (r.opts === PHONE) await page.getByTestId("view-results").tap();
        await page.getByRole("tab", { name: r.tab, exact: true }).click();
        const panel = page.getByTestId("try-panel");
        expect(await panel.isVisible()).toBe(true);
        // An example with another seed replaces the arguments.
        const args = page.getByTestId("try-args");
        const first = await args.inputValue();
        await page.getByTestId("try-example").selectOption({ index: 1 });
        expect(await args.inputValue()).not.toBe(first);
        await page.getByTestId("try-run").click();
        const output = page.getByTestId("try-output");
        await output.waitFor({ timeout: 30_000 });
        // The starter returns placeholder values: it ran, and nothing is compared or expected.
        expect(await output.getAttribute("data-status")).toBe("ran");
        expect(await output.textContent()).toContain(r.ran);
        expect(await panel.getByText(/Expected|期望/).count()).toBe(0);
        // Nothing sticks out sideways on a phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
          0,
        );
        await output.scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(RESULTS_DIR, `exercise-try-${r.tag}.png`) });
        // A typo in the arguments is named, in the student's language; nothing is queued.
        const tries = await db.submission.count({ where: { kind: "try", user: { email: student.email } } });
        expect(tries).toBe(1);
        await args.click();
        await page.keyboard.press("ControlOrMeta+A");
        await page.keyboard.type("[[1, 2], ", { delay: 30 });
        await page.getByTestId("try-run").click();
        const error = page.getByTestId("error");
        await error.waitFor();
        expect(await error.textContent()).toMatch(r.bad);
        expect(await db.submission.count({ where: { kind: "try", user: { email: student.email } } })).toBe(tries);
        expect(Number(await page.getByTestId("attempts").getAttribute("data-used"))).toBe(used);
        expect(await seriousViolations(page)).toEqual([]);
        await page.context().close();
      },
      TEST_TIMEOUT_MS,
    );
  }

  for (const colorScheme of ["light", "dark"] as const) {
    it(
      `axe: no serious or critical violations on the exercise page (${colorScheme})`,
      async () => {
        const page = await newPage(browser, { locale: "en-US", colorScheme });
        await signIn(page, app, DEMO.student);
        await openExercise(page);
        await runAndWait(page);
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByRole("tab", { name: /Submission/ }).click();
        expect(await seriousViolations(page)).toEqual([]);
        await page.context().close();
      },
      TEST_TIMEOUT_MS,
    );
  }

  for (const locale of ["en-US", "zh-CN"] as const) {
    const tag = locale === "zh-CN" ? "zh" : "en";
    it(
      `screens at 1280 px and on a phone (${tag}); on a phone the editor is one tap away, with Run and Submit fixed`,
      async () => {
        const wide = await newPage(browser, { locale });
        await signIn(wide, app, DEMO.student);
        await openExercise(wide);
        await runAndWait(wide);
        await wide.evaluate(() => window.scrollTo(0, 0));
        await wide.screenshot({ path: path.join(RESULTS_DIR, `exercise-${tag}-1280.png`) });
        await wide.context().close();

        const phone = await newPage(browser, { locale, ...PHONE });
        await signIn(phone, app, DEMO.student);
        await openExercise(phone);
        // The code view is the first one shown: the editor is on the first screen.
        const editor = (await phone.getByTestId("editor").boundingBox())!;
        expect(editor.y).toBeLessThan(844);
        const run = (await phone.getByTestId("run").boundingBox())!;
        expect(run.y + run.height).toBeLessThanOrEqual(844);
        // No keyboard hints on a touch screen.
        expect(await phone.locator("kbd").first().isVisible()).toBe(false);
        const overflow = await phone.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await phone.screenshot({ path: path.join(RESULTS_DIR, `exercise-${tag}-phone-code.png`) });
        await phone.getByTestId("view-prompt").tap();
        expect(await phone.getByTestId("prompt").isVisible()).toBe(true);
        expect(await phone.getByTestId("editor").isVisible()).toBe(false);
        await screenshot(phone, `exercise-${tag}-phone-prompt`);
        await phone.getByTestId("run").tap();
        await phone.locator("[data-testid=run-results] [data-testid=live-status]").waitFor({ timeout: 30_000 });
        expect(await phone.getByTestId("run-results").isVisible()).toBe(true);
        await phone.screenshot({ path: path.join(RESULTS_DIR, `exercise-${tag}-phone-results.png`) });
        await phone.context().close();
      },
      TEST_TIMEOUT_MS,
    );
  }
});
