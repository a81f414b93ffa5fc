/**
 * People end to end, in Chromium against the production build:
 *  - a student files a regrade request on a graded submission; a TA answers it with an override
 *    from the request queue; the student gets a notification (the header's unread count), opens
 *    it, and reads the answer on the submission page;
 *  - an instructor changes a role, removes a member (who loses access; their submissions stay),
 *    issues a new password link that the member then uses, cannot demote the last instructor, and
 *    reads all of it in the audit log as sentences;
 *  - axe finds no serious violations on the submission, requests, notifications, roster and audit pages.
 * The submission is graded by the real sandbox (GradingWorker in this process).
 */

import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/prisma/client";
import { DEMO_COURSE } from "@/scripts/seed";
import { loadCatalogue } from "@/exercises/catalogue";
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
import { seriousViolations } from "./axe";

const SLUG = "hopfield-energy";
const STARTER = fs.readFileSync(path.join(ROOT, "exercises/10.1-hopfield-energy/starter.ts"), "utf8");
const INVITED = { email: "new.student@example.edu", name: "Nora Invited" };
const TEST_TIMEOUT_MS = 180_000;
/** Typing speed of a person (ms between keys). */
const KEY_DELAY = 15;

let app: RunningApp;
let browser: Browser;
let db: Db;
let courseId: string;
let submissionId: string;
let exerciseUrl: string;

beforeAll(async () => {
  app = await startApp({
    // A member imported earlier who never set a password (their first link was lost).
    prepare: async (d) => {
      const course = await d.course.findUniqueOrThrow({ where: { slug: DEMO_COURSE.slug } });
      const u = await d.user.create({ data: { email: INVITED.email, name: INVITED.name, studentId: "23120099" } });
      await d.enrollment.create({ data: { courseId: course.id, userId: u.id, role: "student" } });
    },
  });
  browser = await launchBrowser();
  db = createDb(app.databaseUrl);
  courseId = (await db.course.findUniqueOrThrow({ where: { slug: DEMO_COURSE.slug } })).id;
  const item = await db.assignmentExercise.findFirstOrThrow({
    where: { exercise: { slug: SLUG }, assignment: { courseId } },
    include: { exercise: true },
  });
  const alice = await db.user.findUniqueOrThrow({ where: { email: DEMO.student.email } });
  exerciseUrl = `${app.baseUrl}/courses/${courseId}/assignments/${item.assignmentId}/exercises/${SLUG}`;
  submissionId = await enqueue(db, {
    userId: alice.id,
    assignmentId: item.assignmentId,
    exerciseId: item.exerciseId,
    exerciseVersionId: item.exercise.currentVersionId!,
    code: STARTER,
    kind: "submit",
  });
  const worker = new GradingWorker({ db, catalogue: await loadCatalogue(), id: "e2e-people-worker", log: () => {} });
  while (await worker.runOnce());
  expect((await db.submission.findUniqueOrThrow({ where: { id: submissionId } })).status).toBe("graded");
}, E2E_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await db?.$disconnect();
  await browser?.close();
  await app?.stop();
});

/** Clicks a field and types into it key by key. */
async function typeInto(page: Page, selector: string, text: string) {
  await page.locator(selector).click();
  await page.keyboard.type(text, { delay: KEY_DELAY });
}

const unreadOf = async (page: Page) => Number(await page.getByTestId("notifications-link").getAttribute("data-unread"));

describe("requests and notifications", () => {
  it(
    "a student files a regrade request, a TA answers with an override, the student is notified and reads the answer",
    async () => {
      const student = await newPage(browser);
      await signIn(student, app, DEMO.student);
      await student.goto(`${app.baseUrl}/courses/${courseId}/submissions/${submissionId}`);
      const message = "The energy of case 2 matches my hand calculation; could you look?";
      await typeInto(student, "[data-testid=request-message-input]", message);
      await Promise.all([student.waitForURL(/request=sent/), student.getByTestId("request-send").click()]);
      await student.getByTestId("request-sent").waitFor();
      expect(await student.getByTestId("my-request").getAttribute("data-status")).toBe("open");
      expect(await seriousViolations(student)).toEqual([]);
      await screenshot(student, "people-student-request");

      const ta = await newPage(browser);
      await signIn(ta, app, DEMO.ta);
      expect(await unreadOf(ta)).toBe(1);
      await ta.getByRole("link", { name: "Notifications, 1 unread" }).waitFor();
      await ta.goto(`${app.baseUrl}/courses/${courseId}/staff`);
      await Promise.all([ta.waitForURL(/\/staff\/requests/), ta.getByRole("link", { name: "Requests (1)" }).click()]);
      const request = ta.getByTestId("request").first();
      expect(await request.getByTestId("request-message").innerText()).toBe(message);
      expect(await seriousViolations(ta)).toEqual([]);
      const answer = "You are right: case 2 was mis-specified. Score corrected.";
      await request.getByTestId("answer-text").click();
      await ta.keyboard.type(answer, { delay: KEY_DELAY });
      await request.getByTestId("answer-score").click();
      await ta.keyboard.type("9", { delay: KEY_DELAY });
      await Promise.all([ta.waitForURL(/ok=answered/), request.getByTestId("answer-send").click()]);
      await ta.getByTestId("staff-ok").waitFor();
      await screenshot(ta, "people-staff-requests");

      // The student: an override and an answer, in the header's count; the notification leads to the answer.
      await student.reload();
      expect(await unreadOf(student)).toBe(2);
      await Promise.all([student.waitForURL(/\/notifications$/), student.getByTestId("notifications-link").click()]);
      const answered = student.getByTestId("notification").filter({ hasText: "Chen Jing answered your request" });
      expect(await answered.getAttribute("data-unread")).toBe("true");
      expect(await seriousViolations(student)).toEqual([]);
      await screenshot(student, "people-notifications");
      await Promise.all([
        student.waitForURL(new RegExp(`/submissions/${submissionId}`)),
        answered.getByRole("link").click(),
      ]);
      expect(await student.getByTestId("my-request-answer").innerText()).toContain(answer);
      expect(await student.getByTestId("my-request").getAttribute("data-status")).toBe("closed");
      expect(await unreadOf(student)).toBe(1);
      const override = await db.override.findFirstOrThrow({ where: { user: { email: DEMO.student.email } } });
      expect(override).toMatchObject({ score: 9, reason: answer });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "TA comments show with an unread marker on the exercise page and the submission page, in Chinese too",
    async () => {
      const ta = await newPage(browser);
      await signIn(ta, app, DEMO.ta);
      const comment = async (body: string) => {
        await ta.goto(`${app.baseUrl}/courses/${courseId}/staff/submissions/${submissionId}`);
        await ta.locator("textarea[name=body]").click();
        await ta.keyboard.type(body, { delay: KEY_DELAY });
        await Promise.all([
          ta.waitForURL(/ok=comment/),
          ta.locator("form[aria-label] button[type=submit]").last().click(),
        ]);
      };
      const first = "Look at the diagonal of W.";
      await comment(first);

      const student = await newPage(browser, { locale: "zh-CN" });
      await signIn(student, app, DEMO.student);
      const marker = (body: string) =>
        student.getByTestId("staff-comment").filter({ hasText: body }).getAttribute("data-unread");
      // The exercise page lists the comments on all of the student's submissions of it.
      await student.goto(exerciseUrl);
      expect(await marker(first)).toBe("true");
      expect(await student.getByTestId("staff-comment").filter({ hasText: first }).innerText()).toContain("新");
      await student.reload();
      expect(await marker(first)).toBe("false");

      const second = "And the sign of the threshold term.";
      await comment(second);
      await student.goto(`${app.baseUrl}/courses/${courseId}/submissions/${submissionId}`);
      await student.getByRole("link", { name: /^通知，\d+ 条未读$/ }).waitFor();
      expect(await marker(second)).toBe("true");
      expect(await marker(first)).toBe("false");
      expect(await seriousViolations(student)).toEqual([]);
      await student.reload();
      expect(await marker(second)).toBe("false");
    },
    TEST_TIMEOUT_MS,
  );
});

describe("roster", () => {
  it(
    "an instructor changes a role, removes a member and issues a new password link; the last instructor stays",
    async () => {
      const page = await newPage(browser);
      await signIn(page, app, DEMO.instructor);
      await page.goto(`${app.baseUrl}/courses/${courseId}/staff`);
      await Promise.all([page.waitForURL(/\/staff\/roster/), page.locator(`a[href$="/staff/roster"]`).click()]);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "people-roster");

      // Search, then make Bob a TA.
      await typeInto(page, "[data-testid=member-search]", "Bob");
      await Promise.all([page.waitForURL(/q=Bob/), page.keyboard.press("Enter")]);
      expect(await page.getByTestId("member").count()).toBe(1);
      const bob = page.locator(`[data-testid=member][data-email="bob@example.edu"]`);
      await bob.getByTestId("member-role").selectOption("ta");
      await Promise.all([page.waitForURL(/ok=role/), bob.getByTestId("member-role-save").click()]);
      expect(await page.locator(`[data-testid=member][data-email="bob@example.edu"]`).getAttribute("data-role")).toBe(
        "ta",
      );
      expect(page.url()).toContain("q=Bob");

      // Remove 王芳: gone from the list, her submissions kept, and she can no longer open the course.
      await page.goto(`${app.baseUrl}/courses/${courseId}/staff/roster`);
      const wang = DEMO.students[1];
      const before = await db.submission.count({ where: { user: { email: wang.email } } });
      await Promise.all([
        page.waitForURL(/ok=removed/),
        page.locator(`[data-testid=member][data-email="${wang.email}"]`).getByTestId("member-remove").click(),
      ]);
      expect(await page.locator(`[data-testid=member][data-email="${wang.email}"]`).count()).toBe(0);
      expect(await db.submission.count({ where: { user: { email: wang.email } } })).toBe(before);
      const removed = await newPage(browser);
      await signIn(removed, app, wang);
      const res = await removed.goto(`${app.baseUrl}/courses/${courseId}`);
      expect(res?.status()).toBe(404);

      // A new password link for the member who never set one; they use it and sign in.
      const nora = page.locator(`[data-testid=member][data-email="${INVITED.email}"]`);
      await nora.getByTestId("resend-invite").click();
      const link = (await nora.locator("[data-testid=invite-link] code").innerText()).trim();
      expect(link).toMatch(/\/set-password\?token=/);
      const invited = await newPage(browser);
      await invited.goto(link);
      await typeInto(invited, "#password", "a long new password");
      await typeInto(invited, "#confirm", "a long new password");
      await Promise.all([invited.waitForURL(/done=1/), invited.getByTestId("set-password-submit").click()]);
      await signIn(invited, app, { email: INVITED.email, password: "a long new password" });
      expect(new URL(invited.url()).pathname).not.toBe("/signin");

      // The only instructor cannot demote themselves.
      const me = page.locator(`[data-testid=member][data-email="${DEMO.instructor.email}"]`);
      await me.getByTestId("member-role").selectOption("ta");
      await Promise.all([page.waitForURL(/error=lastInstructor/), me.getByTestId("member-role-save").click()]);
      await page.getByTestId("staff-error").waitFor();

      // The audit log, in the instructor's Chinese, as sentences that expand to before and after.
      await page.goto(`${app.baseUrl}/courses/${courseId}/staff/audit`);
      const sentences = await page.getByTestId("audit-sentence").allInnerTexts();
      expect(sentences).toContain("Li Ming 李明 将 Bob Osei 的角色从学生改为助教");
      expect(sentences).toContain("Li Ming 李明 将 王芳 移出了课程");
      expect(sentences).toContain("Li Ming 李明 为 Nora Invited 生成了新的密码链接");
      const roleRow = page.getByTestId("audit-row").filter({ hasText: "Bob Osei 的角色" });
      expect(await roleRow.locator("summary .badge").innerText()).toBe("更改角色");
      await roleRow.locator("summary").click();
      await roleRow.getByTestId("audit-fields").waitFor();
      expect(await roleRow.getByTestId("audit-fields").innerText()).toMatch(/role\s+student\s+ta/);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "people-audit");
    },
    TEST_TIMEOUT_MS,
  );
});
