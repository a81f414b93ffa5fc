/**
 * The staff experience end to end, in Chromium against the production build:
 *  - a TA overrides a score with a reason, and the student sees score and reason;
 *  - an instructor imports a roster with one bad row, sees the error, commits the rest,
 *    and a new user sets a password through the one-time link;
 *  - a regrade preview lists the changed scores and the commit applies them.
 *
 * The regrade is honest: two students' correct solutions were graded (by the real
 * sandbox) while the exercise's test was buggy — its reference was a registered wrong
 * variant — and the fix is then in place when the instructor regrades. The grader runs
 * in this test process (GradingWorker) so that the two phases can use the two catalogues.
 */

import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/prisma/client";
import { DEMO_COURSE } from "@/scripts/seed";
import { loadCatalogue, type ExerciseEntry } from "@/exercises/catalogue";
import { enqueue } from "@/grader/queue";
import { GradingWorker } from "@/grader/worker";
import {
  DEMO,
  E2E_SETUP_TIMEOUT_MS,
  ROOT,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  startApp,
  type RunningApp,
} from "./harness";

const SLUG = "hopfield-energy";
const SOLUTION = fs.readFileSync(path.join(ROOT, "exercises/10.1-hopfield-energy/solution.ts"), "utf8");
const TEST_TIMEOUT_MS = 180_000;

let app: RunningApp;
let browser: Browser;
let db: Db;
let courseId: string;
let assignmentId: string;
let exerciseId: string;
let fixed: Map<string, ExerciseEntry>;
let buggy: Map<string, ExerciseEntry>;
const staff = () => `${app.baseUrl}/courses/${courseId}/staff`;

/**
 * The gradebook cell of a student (row by email) and exercise (column by its header's data-exercise).
 * The exercise headers are the second header row; the body rows start with name and ID.
 */
async function gradebookCell(page: import("playwright-core").Page, email: string, slug: string) {
  const headers = await page
    .locator("[data-testid=gradebook] thead tr:last-child th")
    .evaluateAll((ths) => ths.map((th) => th.getAttribute("data-exercise")));
  const col = headers.indexOf(slug) + 2;
  expect(col).toBeGreaterThan(1);
  return page.locator(`[data-testid=gb-row][data-email="${email}"] > :nth-child(${col + 1})`);
}

async function drain(catalogue: Map<string, ExerciseEntry>) {
  const w = new GradingWorker({ db, catalogue, id: "e2e-staff-worker", log: () => {} });
  while (await w.runOnce());
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  db = createDb(app.databaseUrl);
  courseId = (await db.course.findUniqueOrThrow({ where: { slug: DEMO_COURSE.slug } })).id;
  const item = await db.assignmentExercise.findFirstOrThrow({
    where: { exercise: { slug: SLUG }, assignment: { courseId } },
  });
  assignmentId = item.assignmentId;
  exerciseId = item.exerciseId;
  const all = await loadCatalogue();
  const entry = all.get(SLUG)!;
  fixed = new Map([[SLUG, entry]]);
  buggy = new Map([[SLUG, { ...entry, spec: { ...entry.spec, reference: entry.spec.misconceptions[0].fn } }]]);
  // Alice and 王芳 submit the correct solution while the test is buggy.
  const version = (await db.exercise.findUniqueOrThrow({ where: { id: exerciseId } })).currentVersionId!;
  for (const s of DEMO.students.slice(0, 2)) {
    const user = await db.user.findUniqueOrThrow({ where: { email: s.email } });
    await enqueue(db, {
      userId: user.id,
      assignmentId,
      exerciseId,
      exerciseVersionId: version,
      code: SOLUTION,
      kind: "submit",
    });
  }
  await drain(buggy);
}, E2E_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await db?.$disconnect();
  await browser?.close();
  await app?.stop();
});

describe("staff", () => {
  it(
    "a TA overrides a score with a reason and comments on a line; the student sees both",
    async () => {
      const page = await newPage(browser);
      await signIn(page, app, DEMO.ta);
      await page.goto(`${staff()}/gradebook?assignment=${assignmentId}`);
      await (await gradebookCell(page, DEMO.students[0].email, SLUG)).click();
      await page.waitForURL(/\/staff\/submissions\//);
      await page.locator("h2#cases-title").waitFor();
      const reason = "Energy derivation shown on paper — full credit";
      // no reason → refused by the browser (required), so fill both
      await page.fill("input[name=score]", "10");
      await page.fill("textarea[name=reason]", reason);
      await Promise.all([
        page.waitForURL(/ok=override/),
        page.click("section[aria-labelledby=override-title] button[type=submit]"),
      ]);
      await page.locator("[data-testid=staff-ok]").waitFor();
      expect(await page.locator("[data-testid=review-score]").innerText()).toContain(reason);
      await screenshot(page, "staff-review-override");
      // a comment on line 1, which the student sees under that line
      const reviewUrl = page.url().split("?")[0];
      const submissionId = reviewUrl.split("/").pop()!;
      const comment = "Nice use of the symmetric weights here.";
      await page.getByRole("button", { name: "Comment on line 1", exact: true }).click();
      await page.fill("[data-testid=line-comment-body]", comment);
      await Promise.all([
        page.waitForURL(/ok=comment/),
        page.click("form[aria-label='Comment on line 1'] button[type=submit]"),
      ]);
      await page.locator("[data-testid=line-comment]").getByText(comment).waitFor();
      // the gradebook marks the cell
      await page.goto(`${staff()}/gradebook?assignment=${assignmentId}`);
      const cell = await gradebookCell(page, DEMO.students[0].email, SLUG);
      expect(await cell.innerText()).toContain("◆");
      await screenshot(page, "staff-gradebook");
      await page.setViewportSize({ width: 768, height: 900 });
      await screenshot(page, "staff-gradebook-768");

      const student = await newPage(browser);
      await signIn(student, app, DEMO.students[0]);
      await student.goto(`${app.baseUrl}/courses/${courseId}`);
      await student.getByText(reason).first().waitFor();
      await screenshot(student, "staff-override-student-view");
      await student.goto(`${app.baseUrl}/courses/${courseId}/submissions/${submissionId}`);
      await student.locator("[data-testid=line-comment]").getByText(comment).waitFor();
      await screenshot(student, "staff-comment-student-view");
      await student.context().close();
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "students get 404 on staff pages and the staff API",
    async () => {
      const page = await newPage(browser);
      await signIn(page, app, DEMO.students[1]);
      for (const p of ["", "/gradebook", "/roster", "/audit"]) {
        const r = await page.goto(`${staff()}${p}`);
        expect(r?.status()).toBe(404);
      }
      const api = await page.request.get(`${app.baseUrl}/api/staff/courses/${courseId}/gradebook.csv`);
      expect(api.status()).toBe(404);
      const ta = await newPage(browser);
      await signIn(ta, app, DEMO.ta);
      expect((await ta.goto(`${staff()}/roster`))?.status()).toBe(404);
      const csv = await ta.request.get(
        `${app.baseUrl}/api/staff/courses/${courseId}/gradebook.csv?assignment=${assignmentId}`,
      );
      expect(csv.status()).toBe(200);
      const body = await csv.body();
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(body.toString("utf8")).toContain("王芳");
      await page.context().close();
      await ta.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "an instructor imports a roster with one bad row, sees the error and commits the rest",
    async () => {
      const page = await newPage(browser);
      await signIn(page, app, DEMO.instructor);
      await page.goto(`${staff()}/roster`);
      const csv = [
        "email,name,student id,role",
        "zhao.lei@example.edu,赵磊,23120010,student",
        '"kim@example.edu","Kim, Min-jun",23120011,student',
        "broken-email,Nobody,23120012,student",
        "helper@example.edu,Helper TA,,ta",
      ].join("\n");
      await page.fill("textarea[name=csv]", csv);
      await page.click("[data-testid=roster-preview-button]");
      await page.locator("[data-testid=roster-preview]").waitFor();
      const skipped = page.locator("[data-testid=roster-row][data-action=skip]");
      expect(await skipped.count()).toBe(1);
      expect(await skipped.getAttribute("data-problems")).toBe("badEmail");
      // the instructor's account is set to Chinese: the reason is shown in it
      expect(await skipped.innerText()).toContain("邮箱格式错误");
      expect(await page.locator("[data-testid=roster-row][data-action=add]").count()).toBe(3);
      await screenshot(page, "staff-roster-preview");
      await page.click("[data-testid=roster-commit]");
      await page.locator("[data-testid=roster-done]").waitFor();
      const links = page.locator("[data-testid=roster-links] tr");
      expect(await links.count()).toBe(3);
      await screenshot(page, "staff-roster-done");
      const enrolled = await db.enrollment.findMany({
        where: {
          courseId,
          user: { email: { in: ["zhao.lei@example.edu", "kim@example.edu", "helper@example.edu", "broken-email"] } },
        },
      });
      expect(enrolled).toHaveLength(3);

      // the new user sets a password with the one-time link, then signs in
      const link = (await links.first().locator("code").innerText()).trim();
      const newcomer = await newPage(browser);
      await newcomer.goto(link);
      await newcomer.fill("#password", "zhao-lei-password");
      await newcomer.fill("#confirm", "zhao-lei-password");
      await Promise.all([newcomer.waitForURL(/done=1/), newcomer.click("[data-testid=set-password-submit]")]);
      await signIn(newcomer, app, { email: "zhao.lei@example.edu", password: "zhao-lei-password" });
      expect(new URL(newcomer.url()).pathname).not.toBe("/signin");
      await newcomer.goto(link);
      await newcomer.locator(".alert--error").waitFor();
      await newcomer.context().close();
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "a regrade preview lists the changed scores and the commit applies them",
    async () => {
      const before = await db.submission.findMany({
        where: { exerciseId, assignmentId },
        select: { id: true, score: true },
      });
      expect(before).toHaveLength(2);
      expect(before.every((s) => s.score !== null && s.score < 10)).toBe(true);

      const page = await newPage(browser);
      await signIn(page, app, DEMO.instructor);
      await page.goto(`${staff()}/assignments/${assignmentId}`);
      await page.selectOption("select[name=exerciseId]", exerciseId);
      await Promise.all([page.waitForURL(/\/staff\/regrades\//), page.click("[data-testid=start-regrade]")]);
      // the fixed test is deployed: the worker grades the regrade items
      await drain(fixed);
      await page.locator("[data-testid=regrade-commit]").waitFor({ timeout: 30_000 });
      const changed = page.locator("[data-testid=regrade-row][data-changed='1']");
      expect(await changed.count()).toBe(2);
      expect(await changed.first().innerText()).toMatch(/→ 10/);
      // nothing moved yet
      const mid = await db.submission.findMany({ where: { exerciseId, assignmentId }, select: { score: true } });
      expect(mid.map((s) => s.score).sort()).toEqual(before.map((s) => s.score).sort());
      await screenshot(page, "staff-regrade-preview");
      await Promise.all([page.waitForURL(/ok=committed/), page.click("[data-testid=regrade-commit]")]);
      await page.locator("[data-testid=staff-ok]").waitFor();
      const after = await db.submission.findMany({ where: { exerciseId, assignmentId }, select: { score: true } });
      expect(after.every((s) => s.score === 10)).toBe(true);
      // the audit log has the two regrades and the override
      await page.goto(`${staff()}/audit`);
      expect(await page.locator("[data-testid=audit-row][data-action=regrade]").count()).toBe(2);
      expect(await page.locator("[data-testid=audit-row][data-action=override]").count()).toBe(1);
      await screenshot(page, "staff-audit");
      // 王芳 (no override) now has 10 in the gradebook
      await page.goto(`${staff()}/gradebook?assignment=${assignmentId}`);
      const cell = await gradebookCell(page, DEMO.students[1].email, SLUG);
      expect((await cell.innerText()).trim()).toMatch(/^10/);
      await page.goto(`${staff()}/analytics/${assignmentId}`);
      // recharts 3 draws its SVG on the client, after hydration
      await page.locator("svg.recharts-surface").first().waitFor({ timeout: 15_000 });
      expect(await page.locator("svg.recharts-surface").count()).toBeGreaterThan(0);
      await screenshot(page, "staff-analytics");
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );
});
