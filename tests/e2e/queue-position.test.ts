/**
 * A deadline surge as a student sees it (issue 14), in Chromium against the production build: two
 * other submissions are already waiting and no grader is running, so a submit stays queued and the
 * page shows its place in line, in English and in Chinese. A real worker in this process then grades
 * the first job in line, and the waiting students see their place move up without reloading, with
 * the wait the drain rate now predicts.
 */

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadCatalogue } from "@/exercises/catalogue";
import { enqueue } from "@/grader/queue";
import { GradingWorker } from "@/grader/worker";
import { createDb, type Db } from "@/prisma/client";
import { seriousViolations } from "./axe";
import {
  DEMO,
  E2E_SETUP_TIMEOUT_MS,
  exercisePageUrl,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  startApp,
  type RunningApp,
} from "./harness";

const SLUG = "rbm-cd1";
let app: RunningApp;
let browser: Browser;
let db: Db;
let url: string;

beforeAll(async () => {
  app = await startApp(); // no grader: the queue only moves when this test grades a job
  browser = await launchBrowser();
  db = createDb(app.databaseUrl);
  url = (await exercisePageUrl(app, db, SLUG)).url;
  // Two submissions of the third demo student wait already (two exercises, so both are first submits).
  const ahead = await db.user.findUniqueOrThrow({ where: { email: DEMO.students[2].email } });
  const items = await db.assignmentExercise.findMany({
    where: { exercise: { slug: { in: [SLUG, "rbm-cdk"] } } },
    include: { exercise: true },
  });
  for (const it of items)
    await enqueue(db, {
      userId: ahead.id,
      assignmentId: it.assignmentId,
      exerciseId: it.exerciseId,
      exerciseVersionId: it.exercise.currentVersionId!,
      code: "export function cd1() { return null; }",
      kind: "submit",
    });
  expect(items).toHaveLength(2);
}, E2E_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
  await app?.stop();
});

async function submitAndSeeQueued(page: Page): Promise<string> {
  await page.goto(url);
  await page.locator("[data-testid=workspace][data-editor-ready=true]").waitFor({ timeout: 30_000 });
  await page.getByTestId("submit").click();
  const position = page.getByTestId("submit-results").getByTestId("queue-position");
  await position.waitFor({ timeout: 30_000 });
  return (await position.textContent()) ?? "";
}

it("shows the place in line in both languages, and moves it up as the queue drains", async () => {
  const en = await newPage(browser, { locale: "en-US" });
  await signIn(en, app, DEMO.students[0]);
  expect(await submitAndSeeQueued(en)).toMatch(/number 3 in line/);

  const zh = await newPage(browser, { locale: "zh-CN" });
  await signIn(zh, app, DEMO.students[1]);
  expect(await submitAndSeeQueued(zh)).toMatch(/排在第 4 位/);
  expect(await seriousViolations(zh)).toEqual([]);

  // A real worker grades the first job in line: both students move up by one, live, and now that
  // the queue drains, each sees the wait its place predicts (one job graded in the last minute:
  // 1/60 jobs/s, so place p waits about 60·p s).
  const worker = new GradingWorker({ db, catalogue: await loadCatalogue(), id: "e2e-queue", log: () => {} });
  expect(await worker.runOnce()).toBe(true);
  const line = (p: Page) => p.getByTestId("submit-results").getByTestId("queue-position");
  await expect.poll(() => line(en).textContent(), { timeout: 30_000 }).toMatch(/number 2 in line, about 120 s/);
  await expect.poll(() => line(zh).textContent(), { timeout: 30_000 }).toMatch(/排在第 3 位，预计约 180 秒/);
  await screenshot(en, "queue-position-en");
  await screenshot(zh, "queue-position-zh");
  await en.context().close();
  await zh.context().close();
}, 180_000);
