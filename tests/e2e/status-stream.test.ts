/**
 * The exercise page follows a submission by server-sent events (issue 14), in Chromium against a
 * production build and a real grader: the stream is opened with the anti-buffering headers and the
 * page shows the grade; when the stream is refused, the page falls back to polling and still does.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createDb } from "@/prisma/client";
import {
  DEMO,
  E2E_SETUP_TIMEOUT_MS,
  exercisePageUrl,
  launchBrowser,
  newPage,
  signIn,
  type RunningApp,
  startApp,
} from "./harness";

let app: RunningApp;
let browser: Browser;
let url: string;

beforeAll(async () => {
  app = await startApp({ graderWorkers: 1 });
  browser = await launchBrowser();
  const db = createDb(app.databaseUrl);
  try {
    url = (await exercisePageUrl(app, db, "rbm-cd1")).url;
  } finally {
    await db.$disconnect();
  }
}, E2E_SETUP_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function submitAndWait(page: Page) {
  const seq = await page.getByTestId("history").locator("tbody tr").count();
  await page.getByTestId("submit").click();
  await page.getByTestId("history").locator("tbody tr").nth(seq).waitFor({ timeout: 30_000 });
  await page
    .getByTestId("submit-results")
    .locator("[data-testid=live-status][data-status=graded]")
    .waitFor({ timeout: 60_000 });
}

describe("live submission status", () => {
  it("arrives by server-sent events, and by polling when the stream is refused", async () => {
    const page = await newPage(browser, { locale: "en-US" });
    await signIn(page, app, DEMO.student);
    await page.goto(url);
    await page.locator("[data-testid=workspace][data-editor-ready=true]").waitFor({ timeout: 30_000 });

    const seen: { url: string; type: string | null; cache: string | null; buffering: string | null }[] = [];
    const polls: string[] = [];
    page.on("response", (r) => {
      if (r.url().endsWith("/events"))
        seen.push({
          url: r.url(),
          type: r.headers()["content-type"] ?? null,
          cache: r.headers()["cache-control"] ?? null,
          buffering: r.headers()["x-accel-buffering"] ?? null,
        });
    });
    page.on("request", (r) => {
      if (r.url().endsWith("/status")) polls.push(r.url());
    });
    await submitAndWait(page);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      type: "text/event-stream; charset=utf-8",
      cache: "no-cache, no-transform",
      buffering: "no",
    });
    expect(polls).toEqual([]);

    // The stream breaks (here: refused): the page polls the status route instead.
    await page.route("**/events", (r) => r.abort());
    await submitAndWait(page);
    expect(polls.length).toBeGreaterThan(0);
    await page.close();
  }, 180_000);
});
