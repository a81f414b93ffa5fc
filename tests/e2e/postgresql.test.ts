/**
 * End to end on PostgreSQL (vitest project "postgresql"): two `next start` web servers and a
 * grader on one PostgreSQL database behave as one site. A student signs in on server A by
 * typing, runs the starter there (graded by the worker through LISTEN/NOTIFY), types into the
 * editor, and finds the same session and the saved draft on server B.
 */

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/prisma/client";
import { DEMO_COURSE } from "@/scripts/seed";
import { DEMO, E2E_SETUP_TIMEOUT_MS, launchBrowser, newPage, screenshot, startApp, type RunningApp } from "./harness";

let app: RunningApp;
let browser: Browser;
let db: Db;
let exercisePath: string;

beforeAll(async () => {
  app = await startApp({ database: "postgresql", webServers: 2, graderWorkers: 1 });
  browser = await launchBrowser();
  db = createDb(app.databaseUrl);
  const course = await db.course.findUniqueOrThrow({ where: { slug: DEMO_COURSE.slug } });
  const item = await db.assignmentExercise.findFirstOrThrow({
    where: { exercise: { slug: "rbm-cd1" }, assignment: { courseId: course.id } },
  });
  exercisePath = `/courses/${course.id}/assignments/${item.assignmentId}/exercises/rbm-cd1`;
}, E2E_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await db?.$disconnect();
  await browser?.close();
  await app?.stop();
});

async function openExercise(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}${exercisePath}`);
  await page.locator("[data-testid=workspace][data-editor-ready=true]").waitFor({ timeout: 30_000 });
  await page.locator(".monaco-editor .view-lines").waitFor();
}

describe("two web servers on one PostgreSQL", () => {
  it("sign in on A, run and type there; the session and the draft are the same on B", async () => {
    const [a, b] = app.baseUrls;
    expect(a).not.toBe(b);
    const page = await newPage(browser, { locale: "en-US" });

    // Sign in on server A by typing.
    await page.goto(`${a}/signin`);
    await page.locator("#email").click();
    await page.keyboard.type(DEMO.student.email, { delay: 15 });
    await page.locator("#password").click();
    await page.keyboard.type(DEMO.student.password, { delay: 15 });
    await Promise.all([
      page.waitForURL((u) => !u.pathname.startsWith("/signin")),
      page.locator("form.form button[type=submit]").click(),
    ]);
    await page.getByTestId("course-list").waitFor();

    // Run the starter on A: the grader (on the same database) grades it; the visible cases fail.
    await openExercise(page, a);
    await page.getByTestId("run").click();
    const results = page.getByTestId("run-results");
    await results.locator("[data-testid=live-status][data-status=graded]").waitFor({ timeout: 60_000 });
    expect(await results.locator('li[data-status="failed"]').count()).toBeGreaterThan(0);
    await screenshot(page, "postgresql-run-server-a");

    // Type a line at the end of the editor on A; the autosave stores it in the database.
    // (The draft is compared as saved: see the report on keystrokes lost while the page re-renders.)
    const marker = `// typed-on-A-${Date.now()}`;
    await page.locator(".monaco-editor .view-lines").click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type(marker, { delay: 40 });
    const draftCode = async () =>
      (await db.draft.findFirst({ where: { user: { email: DEMO.student.email } } }))?.code ?? "";
    // The starter ends with "}"; the saved draft now ends with the typed line.
    await expect.poll(async () => (await draftCode()).trimEnd().endsWith("}"), { timeout: 15_000 }).toBe(false);
    await page.locator("[data-testid=save-state][data-state=saved]").waitFor({ timeout: 15_000 });
    await new Promise((r) => setTimeout(r, 1_500)); // past the autosave's debounce: the last keystrokes are stored
    const lastLine = (await draftCode()).trimEnd().split("\n").pop()!.trim();
    expect(lastLine.length).toBeGreaterThan(5);

    // Server B: the same browser is still signed in (the session is a database row), and the draft is there.
    await openExercise(page, b);
    expect(new URL(page.url()).pathname).toBe(exercisePath);
    // Scroll the editor to its last line; Monaco renders spaces as no-break spaces.
    await page.locator(".monaco-editor .view-lines").click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.waitForFunction(
      (text) =>
        document
          .querySelector(".monaco-editor .view-lines")
          ?.textContent?.replace(/\u00a0/g, " ")
          .includes(text),
      lastLine,
      { timeout: 15_000 },
    );
    await screenshot(page, "postgresql-draft-server-b");

    const run = await db.submission.findFirstOrThrow({
      where: { kind: "run", user: { email: DEMO.student.email } },
      select: { status: true },
    });
    expect(run.status).toBe("graded");
    await page.context().close();
  }, 180_000);
});
