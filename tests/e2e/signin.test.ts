/**
 * End to end in a real browser against the production build: a demo student signs in,
 * sees the course, switches to Chinese (remembered across pages), and signs out.
 */

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/prisma/client";
import { DEMO_COURSE } from "@/scripts/seed";
import {
  DEMO,
  E2E_SETUP_TIMEOUT_MS,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  startApp,
  type RunningApp,
} from "./harness";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
}, E2E_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("sign-in", () => {
  it("a signed-out visitor is sent to the sign-in page, and a wrong password gets a clear message", async () => {
    const page = await newPage(browser);
    await page.goto(`${app.baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe("/signin");
    await page.fill("#email", DEMO.student.email);
    await page.fill("#password", "not-the-password");
    await page.click("form.form button[type=submit]");
    await expect(page.getByTestId("signin-error").textContent()).resolves.toContain(
      "The email or password is incorrect.",
    );
    await screenshot(page, "signin-error");
    await page.context().close();
  });

  it("a demo student signs in, sees the course, switches to Chinese and signs out", async () => {
    const page = await newPage(browser, { locale: "en-US" });
    await signIn(page, app, DEMO.student);

    // English course list with the student's role.
    const list = page.getByTestId("course-list");
    await list.waitFor();
    expect(await list.textContent()).toContain(DEMO_COURSE.titleEn);
    expect(await list.textContent()).toContain("Student");
    expect(await page.getByTestId("user-name").textContent()).toBe(DEMO.student.name);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await screenshot(page, "student-home-en");

    // Switch language: Chinese everywhere, and remembered on the next page.
    await page.getByTestId("locale-zh-CN").click();
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    expect(await page.locator("h1").textContent()).toBe("我的课程");
    expect(await list.textContent()).toContain(DEMO_COURSE.titleZh);
    expect(await list.textContent()).toContain("学生");
    expect(await page.getByTestId("sign-out").textContent()).toBe("退出登录");
    await screenshot(page, "student-home-zh");

    await page.getByRole("link", { name: new RegExp(DEMO_COURSE.titleZh) }).click();
    await page.waitForURL(/\/courses\//);
    expect(await page.locator("h1").first().textContent()).toContain(DEMO_COURSE.titleZh);
    await page.setViewportSize({ width: 768, height: 900 });
    await screenshot(page, "student-course-zh-768");

    // Sign out: back to the sign-in page (still in Chinese), and the course list is gone.
    await page.getByTestId("sign-out").click();
    await page.waitForURL(/\/signin/);
    expect(await page.locator("h1").textContent()).toBe("登录");
    await page.goto(`${app.baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe("/signin");
    await page.context().close();

    // The choice was saved on the user: a new English browser gets Chinese after sign-in.
    const other = await newPage(browser, { locale: "en-US" });
    await signIn(other, app, DEMO.student);
    expect(await other.locator("html").getAttribute("lang")).toBe("zh-CN");
    await other.context().close();
  });

  it("after signing in, a visitor lands on the page they first asked for", async () => {
    const db = createDb(app.databaseUrl);
    const course = await db.course.findUniqueOrThrow({ where: { slug: DEMO_COURSE.slug } });
    await db.$disconnect();
    const page = await newPage(browser);
    await page.goto(`${app.baseUrl}/courses/${course.id}`);
    expect(page.url()).toBe(`${app.baseUrl}/signin?next=${encodeURIComponent(`/courses/${course.id}`)}`);
    const bob = DEMO.students[2];
    await page.fill("#email", bob.email);
    await page.fill("#password", bob.password);
    await Promise.all([
      page.waitForURL(`${app.baseUrl}/courses/${course.id}`),
      page.click("form.form button[type=submit]"),
    ]);
    expect(await page.locator("h1").first().textContent()).toBe(DEMO_COURSE.titleEn);
    await page.context().close();
  });

  it("a student cannot open a course they are not enrolled in (404)", async () => {
    const page = await newPage(browser);
    await signIn(page, app, DEMO.student);
    const res = await page.goto(`${app.baseUrl}/courses/not-a-course`);
    expect(res?.status()).toBe(404);
    await page.context().close();
  });
});
