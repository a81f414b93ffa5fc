/**
 * A TA's deadline night, end to end in Chromium against the production build:
 *  - the gradebook filters as the TA types; a review opened from it walks that filtered
 *    view with J/K; a click on a code line opens a comment box; an override keeps the view;
 *  - a bulk override for two ticked students, with one reason;
 *  - "Download all submissions": the zip's manifest equals the gradebook on screen;
 *  - the overview says what needs attention; a TA never sees the assignment editor;
 *  - an instructor runs and submits in "preview as student" (flagged, never counted);
 *  - axe finds no serious violation on these pages, and the review page fits a 390 px phone.
 * Three demo students submit (two correct solutions, one starter) through the real sandbox.
 */

import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/prisma/client";
import { DEMO_COURSE } from "@/scripts/seed";
import { loadCatalogue } from "@/exercises/catalogue";
import { enqueue } from "@/grader/queue";
import { GradingWorker } from "@/grader/worker";
import { MANIFEST_HEADER } from "@/app/_lib/staff/submissionsZip";
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
const DIR = path.join(ROOT, "exercises/10.1-hopfield-energy");
const SOLUTION = fs.readFileSync(path.join(DIR, "solution.ts"), "utf8");
const STARTER = fs.readFileSync(path.join(DIR, "starter.ts"), "utf8");
const TEST_TIMEOUT_MS = 240_000;
const TYPING = { delay: 60 };
const DOCS = path.join(ROOT, "docs");

let app: RunningApp;
let browser: Browser;
let db: Db;
let courseId: string;
let assignmentId: string;
const staff = () => `${app.baseUrl}/courses/${courseId}/staff`;

/** A 1280 × 800 view for the README (viewport only, to keep the file small). */
async function docShot(page: Page, name: string) {
  const file = path.join(DOCS, `${name}.png`);
  await page.screenshot({ path: file });
  expect(fs.statSync(file).size).toBeLessThan(300_000);
}

/** The gradebook on screen: per row (by e-mail) the text of each exercise cell, by slug. */
async function gradebookOnScreen(page: Page): Promise<Map<string, Map<string, string>>> {
  const data = await page.evaluate(() => {
    const slugs = [...document.querySelectorAll("[data-testid=gradebook] thead tr:last-child th")].map((th) =>
      th.getAttribute("data-exercise"),
    );
    return [...document.querySelectorAll<HTMLElement>("[data-testid=gb-row]")].map((tr) => {
      const cells = [...tr.children].slice(2);
      return {
        email: tr.dataset.email!,
        cells: slugs.flatMap((slug, i) => (slug ? [[slug, cells[i].firstChild?.textContent ?? ""] as const] : [])),
      };
    });
  });
  return new Map(data.map((r) => [r.email, new Map(r.cells)]));
}

beforeAll(async () => {
  // A grader beside the app, as `npm start` runs it (the preview's Run and Submit wait for it).
  app = await startApp({ graderWorkers: 1 });
  browser = await launchBrowser();
  db = createDb(app.databaseUrl);
  courseId = (await db.course.findUniqueOrThrow({ where: { slug: DEMO_COURSE.slug } })).id;
  const item = await db.assignmentExercise.findFirstOrThrow({
    where: { exercise: { slug: SLUG }, assignment: { courseId } },
  });
  assignmentId = item.assignmentId;
  const version = (await db.exercise.findUniqueOrThrow({ where: { id: item.exerciseId } })).currentVersionId!;
  const codes = [SOLUTION, SOLUTION, STARTER];
  for (const [i, s] of DEMO.students.entries()) {
    const user = await db.user.findUniqueOrThrow({ where: { email: s.email } });
    await enqueue(db, {
      userId: user.id,
      assignmentId,
      exerciseId: item.exerciseId,
      exerciseVersionId: version,
      code: codes[i % codes.length],
      kind: "submit",
    });
  }
  const catalogue = await loadCatalogue();
  const w = new GradingWorker({ db, catalogue, id: "e2e-review-worker", log: () => {} });
  while (await w.runOnce());
  // The app's own grader may have taken some: wait until every one is graded.
  while ((await db.submission.count({ where: { status: { in: ["queued", "running"] } } })) > 0) {
    await new Promise((r) => setTimeout(r, 200));
  }
}, E2E_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await db?.$disconnect();
  await browser?.close();
  await app?.stop();
});

describe("staff review workflow", () => {
  it(
    "a TA filters the gradebook by typing, walks it with J/K, comments on a clicked line and overrides",
    async () => {
      const page = await newPage(browser);
      await signIn(page, app, DEMO.ta);
      await page.goto(`${staff()}/gradebook?assignment=${assignmentId}`);
      await page.getByTestId("gradebook").waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await docShot(page, "staff-gradebook-1280");
      // Filters apply as you type: "n" matches Alice Martin and wang.fang, not Bob.
      await page.getByTestId("gb-search").click();
      await page.keyboard.type("n", TYPING);
      await page.waitForURL(/[?&]q=n(&|$)/);
      await page.getByTestId("gb-count").getByText("2 of 3 students").waitFor();
      const emails = await page.locator("[data-testid=gb-row]").evaluateAll((rows) => rows.map((r) => r.dataset.email));
      expect(emails.sort()).toEqual([DEMO.students[0].email, DEMO.students[1].email].sort());

      // Open the first row's submission: the review knows the view (1 of 2).
      const slugs = await page
        .locator("[data-testid=gradebook] thead tr:last-child th")
        .evaluateAll((ths) => ths.map((th) => th.getAttribute("data-exercise")));
      const col = slugs.indexOf(SLUG) + 3;
      await page.locator(`[data-testid=gb-row]:first-child > :nth-child(${col})`).click();
      await page.waitForURL(/\/staff\/submissions\/.+[?&]q=n/);
      await page.getByTestId("review-position").getByText("1 of 2").waitFor();
      const firstName = await page.locator("h1#review-title").innerText();
      // J: the next student of the view; K: back (once the page answers keys).
      await page.locator("nav[data-keys-ready]").waitFor();
      await page.keyboard.press("j");
      await page.getByTestId("review-position").getByText("2 of 2").waitFor();
      const secondName = await page.locator("h1#review-title").innerText();
      expect(secondName).not.toBe(firstName);
      expect(page.url()).toMatch(/[?&]q=n/);
      await page.keyboard.press("k");
      await page.getByTestId("review-position").getByText("1 of 2").waitFor();
      expect(await page.locator("h1#review-title").innerText()).toBe(firstName);

      // A click on line 2's code opens a comment box for line 2.
      const comment = "The ½ in front of the double sum matters here.";
      await page.locator("#code-L2").click();
      const box = page.getByTestId("line-comment-body");
      await box.waitFor();
      await box.click();
      await page.keyboard.type(comment, TYPING);
      await Promise.all([
        page.waitForURL(/ok=comment/),
        page.click("form[aria-label='Comment on line 2'] button[type=submit]"),
      ]);
      await page.locator("[data-testid=line-comment]").getByText(comment).waitFor();
      expect(page.url()).toMatch(/[?&]q=n/);

      // Override with a reason; the view stays in the URL, so J still walks it.
      const reason = "Derivation on paper — full credit";
      await page.locator("section[aria-labelledby=override-title] input[name=score]").click();
      await page.keyboard.type("9.5", TYPING);
      await page.locator("section[aria-labelledby=override-title] textarea[name=reason]").click();
      await page.keyboard.type(reason, TYPING);
      await Promise.all([
        page.waitForURL(/ok=override/),
        page.click("section[aria-labelledby=override-title] button[type=submit]"),
      ]);
      expect(await page.getByTestId("review-score").innerText()).toContain(reason);
      expect(page.url()).toMatch(/[?&]q=n/);

      // Failed only: one click hides the passed cases.
      const cases = page.locator("ol[aria-label] > li[data-status]");
      expect(await cases.count()).toBeGreaterThan(0);
      await page.getByTestId("failed-only").click();
      expect(await page.locator("li[data-status=passed]:visible").count()).toBe(0);
      await page.getByTestId("failed-only").click();

      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await seriousViolations(page)).toEqual([]);
      await docShot(page, "staff-review-1280");
      await screenshot(page, "staff-review-full");

      // The phone: no sideways scroll at 390 px.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await page.locator("h1#review-title").waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await screenshot(page, "staff-review-390");
      expect(overflow).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1280, height: 800 });

      // Back to the gradebook: still filtered, and the cell is marked as overridden.
      await page.getByRole("link", { name: "Back to the gradebook" }).click();
      await page.waitForURL(/\/staff\/gradebook\?.*q=n/);
      await page.getByTestId("gb-count").getByText("2 of 3 students").waitFor();
      expect(await page.locator("[data-testid=gb-row]:first-child").innerText()).toContain("◆");
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "a bulk override for two ticked students; the zip's manifest matches the gradebook",
    async () => {
      const page = await newPage(browser);
      await signIn(page, app, DEMO.ta);
      await page.goto(`${staff()}/gradebook?assignment=${assignmentId}`);
      await page.getByTestId("gradebook").waitFor();
      const [alice, , bob] = DEMO.students;
      for (const s of [alice, bob]) {
        await page.locator(`[data-testid=gb-row][data-email="${s.email}"] input[type=checkbox]`).click();
      }
      const bulk = page.locator("form#bulk");
      const option = await bulk
        .locator("select[name=column] option")
        .evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? ""]));
      const hopfield = option.find(([, label]) => /energy/i.test(label))!;
      await bulk.locator("select[name=column]").selectOption(hopfield[0]);
      await bulk.locator("input[name=score]").click();
      await page.keyboard.type("4", TYPING);
      await bulk.locator("textarea[name=reason]").click();
      await page.keyboard.type("Late-night outage: the same credit for both", TYPING);
      await Promise.all([page.waitForURL(/ok=bulkOverride/), bulk.locator("button[value=override]").click()]);
      await page.getByTestId("staff-ok").waitFor();
      const shown = await gradebookOnScreen(page);
      expect(shown.get(bob.email)!.get(SLUG)).toBe("4");

      // Download all submissions (best): the manifest has the gradebook's every cell.
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("zip-best").click()]);
      expect(download.suggestedFilename()).toMatch(/^gibbs-.+\.zip$/);
      const files = unzipSync(new Uint8Array(fs.readFileSync(await download.path())));
      const [header, ...rows]: string[][] = parse(Buffer.from(files["manifest.csv"]), { bom: true });
      expect(header).toEqual([...MANIFEST_HEADER]);
      let compared = 0;
      for (const [email, cells] of shown) {
        for (const [slug, text] of cells) {
          const m = rows.find((r) => r[2] === email && r[3] === slug)!;
          expect(m[9] === "" ? "—" : m[9]).toBe(text);
          if (m[5]) expect(strFromU8(files[m[5]]).length).toBeGreaterThan(0);
          compared++;
        }
      }
      expect(compared).toBe(rows.length);
      expect(rows.find((r) => r[2] === alice.email && r[3] === SLUG)![12]).toBe("yes");
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "the overview says what needs attention; a TA never sees the assignment editor",
    async () => {
      // One grader error (Bob's cell), and the demo's own schedule for "due within 48 h".
      const bob = await db.user.findUniqueOrThrow({ where: { email: DEMO.students[2].email } });
      const graded = await db.submission.findFirstOrThrow({ where: { userId: bob.id, assignmentId } });
      await db.submission.create({
        data: {
          userId: bob.id,
          assignmentId,
          exerciseId: graded.exerciseId,
          exerciseVersionId: graded.exerciseVersionId,
          code: graded.code,
          status: "error",
          lastError: "worker crashed",
        },
      });
      const now = Date.now();
      const due = await db.assignment.count({
        where: { courseId, dueAt: { gt: new Date(now), lte: new Date(now + 48 * 3600_000) } },
      });
      const page = await newPage(browser);
      await signIn(page, app, DEMO.ta);
      await page.goto(staff());
      await page.getByTestId("attention").waitFor();
      for (const key of ["graderErrors", "waiting", "regradePreviews", "failedChecks", "opening", "closing"]) {
        await page.getByTestId(`attention-${key}`).waitFor();
      }
      expect(await page.getByTestId("attention-closing").innerText()).toMatch(new RegExp(`^${due}\\b`));
      expect(await page.getByTestId("attention-graderErrors").innerText()).toMatch(/^1\b/);
      expect(await seriousViolations(page)).toEqual([]);
      await docShot(page, "staff-overview-1280");
      expect(await page.getByRole("link", { name: "Edit", exact: true }).count()).toBe(0);
      await page.getByTestId("attention-graderErrors").getByRole("link").click();
      await page.waitForURL(/filter=errors/);
      const rows = await page.locator("[data-testid=gb-row]").evaluateAll((r) => r.map((x) => x.dataset.email));
      expect(rows).toEqual([DEMO.students[2].email]);
      await page.goto(`${staff()}/assignments/${assignmentId}`);
      await page.getByTestId("assignment-summary").waitFor();
      expect(await page.getByTestId("assignment-form").count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "an instructor runs and submits in preview as student; the submissions are flagged and never counted",
    async () => {
      const page = await newPage(browser);
      await signIn(page, app, DEMO.instructor);
      const exercise = await db.exercise.findUniqueOrThrow({ where: { slug: SLUG } });
      await page.goto(`${staff()}/exercises/${exercise.id}`);
      await page.getByTestId("preview-run").waitFor();
      await page.locator(".monaco-editor").first().waitFor();
      await page.getByTestId("preview-run").click();
      await page.locator("[data-testid=preview-result][data-kind=run]").waitFor({ timeout: 60_000 });
      expect(await page.locator("[data-testid=preview-result] li[data-status]").count()).toBeGreaterThan(0);
      await page.getByTestId("preview-submit").click();
      await page.locator("[data-testid=preview-result][data-kind=submit]").waitFor({ timeout: 60_000 });
      expect(await page.locator("[data-testid=preview-result] li[data-visibility=hidden]").count()).toBeGreaterThan(0);
      const instructor = await db.user.findUniqueOrThrow({ where: { email: DEMO.instructor.email } });
      const previews = await db.submission.findMany({ where: { userId: instructor.id } });
      expect(previews.map((p) => [p.kind, p.staffPreview]).sort()).toEqual([
        ["run", true],
        ["submit", true],
      ]);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "staff-preview-run");
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );
});
