/**
 * Sign-in back-off in a real browser against the production build, served as `npm start` serves
 * it (scripts/peer-header.mjs preloaded, so the socket address reaches the server action), behind
 * a "proxy" at 127.0.0.1 (GIBBS_TRUSTED_PROXIES) whose X-Forwarded-For names each client:
 * an attacker's wrong passwords block the attacker, with a message that says how long to wait,
 * while the student, from another address, signs in with the right password.
 */

import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGNIN_BACKOFF } from "@/app/_lib/auth/signin";
import { DEMO, E2E_SETUP_TIMEOUT_MS, launchBrowser, newPage, startApp, type RunningApp } from "./harness";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  const preload = pathToFileURL(path.resolve("scripts/peer-header.mjs")).href;
  app = await startApp({ env: { NODE_OPTIONS: `--import ${preload}`, GIBBS_TRUSTED_PROXIES: "127.0.0.1, ::1" } });
  browser = await launchBrowser();
}, E2E_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function typeAndSubmit(page: Page, email: string, password: string): Promise<void> {
  const emailField = page.locator("#email");
  await emailField.click();
  await emailField.press("Control+A");
  await emailField.pressSequentially(email, { delay: 15 });
  await page.locator("#password").click();
  await page.keyboard.type(password, { delay: 15 });
  // the server action's answer (a POST to the page itself)
  const answered = page.waitForResponse((r) => r.request().method() === "POST", { timeout: 30_000 });
  await page.locator("form.form button[type=submit]").click();
  await answered;
}

describe("sign-in back-off", () => {
  it("blocks the failing client with a wait it names, and lets the right password in from another", async () => {
    const attacker = await newPage(browser, { extraHTTPHeaders: { "x-forwarded-for": "198.51.100.7" } });
    await attacker.goto(`${app.baseUrl}/signin`);
    const error = attacker.getByTestId("signin-error");
    for (let i = 0; i <= SIGNIN_BACKOFF.pair.free; i++) {
      await typeAndSubmit(attacker, DEMO.student.email, `wrong guess ${i}`);
      await expect.poll(() => error.innerText(), { timeout: 15_000 }).toContain("incorrect");
    }
    await typeAndSubmit(attacker, DEMO.student.email, DEMO.student.password);
    await expect.poll(() => error.innerText(), { timeout: 15_000 }).toMatch(/Please wait (29|30) seconds/);
    expect(new URL(attacker.url()).pathname).toBe("/signin");

    const student = await newPage(browser, { extraHTTPHeaders: { "x-forwarded-for": "203.0.113.20" } });
    await student.goto(`${app.baseUrl}/signin`);
    await typeAndSubmit(student, DEMO.student.email, DEMO.student.password);
    await student.waitForURL((u) => !u.pathname.startsWith("/signin"));
  }, 120_000);
});
