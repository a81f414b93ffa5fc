/**
 * The instructor's exercise checks page, in Chromium against the production build: the real
 * exercises:check report of one exercise (its mutation analysis included) is stored as
 * `npm run exercises:check -- --store` stores it, and the instructor reads it in English and in
 * Chinese: the mutation score in the summary, then the mutants and their equivalence reasons.
 */

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadCatalogue } from "@/exercises/catalogue";
import { checkExercise } from "@/exercises/check";
import { storeCheckReports } from "@/exercises/store";
import { DEMO_COURSE } from "@/scripts/seed";
import { seriousViolations } from "./axe";
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

// A small exercise with declared equivalent mutants, so the reasons have something to show.
const SLUG = "hopfield-energy";
let app: RunningApp;
let browser: Browser;
let courseId = "";

beforeAll(async () => {
  const catalogue = await loadCatalogue();
  const report = await checkExercise(catalogue.get(SLUG)!, { seeds: 20 });
  expect(report.mutation?.mutants).toBeGreaterThan(0);
  app = await startApp({
    prepare: async (db) => {
      const { stored } = await storeCheckReports(db, catalogue, [report]);
      expect(stored).toEqual([SLUG]);
      courseId = (await db.course.findUniqueOrThrow({ where: { slug: DEMO_COURSE.slug } })).id;
    },
  });
  browser = await launchBrowser();
}, E2E_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const RUNS = [
  { locale: "en-US", size: "1280" },
  { locale: "zh-CN", size: "1280" },
  { locale: "en-US", size: "phone" },
  { locale: "zh-CN", size: "phone" },
] as const;

for (const { locale, size } of RUNS) {
  it(`shows an exercise's mutation score and its equivalent mutants with reasons (${locale}, ${size})`, async () => {
    const phone = size === "phone";
    const page = await newPage(browser, phone ? { locale, ...PHONE } : { locale });
    await signIn(page, app, DEMO.instructor);
    await page.goto(`${app.baseUrl}/courses/${courseId}/staff/exercises`);
    // The demo instructor's own language is Chinese: switch with the header's toggle, as a person would.
    const lang = locale === "zh-CN" ? "zh-CN" : "en";
    if ((await page.locator("html").getAttribute("lang")) !== lang) {
      const toggle = page.getByTestId(`locale-${lang}`);
      await (phone ? toggle.tap() : toggle.click());
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    }
    const row = page.locator("[data-testid=exercise-row]").filter({ hasText: SLUG });
    const score = row.locator("[data-testid=mutation-score]");
    await expect
      .poll(() => score.textContent())
      .toBe(locale === "zh-CN" ? "变异体杀死率 100 %" : "mutants killed 100 %");

    const summary = row.locator("summary");
    await summary.scrollIntoViewIfNeeded();
    await (phone ? summary.tap() : summary.click());
    const details = row.locator("details");
    const text = (await details.innerText()).replace(/\s+/g, " ");
    if (locale === "zh-CN") {
      expect(text).toMatch(/参考实现的变异体被杀死：(\d+)\/\1（2 个等价/);
      expect(text).toContain("只是省计算"); // the zh reason of hopfield.ts:18:9
      expect(text).not.toMatch(/reference mutants killed|seeds caught|naive variant/);
    } else {
      expect(text).toMatch(/reference mutants killed: (\d+)\/\1 \(2 equivalent/);
      expect(text).toContain("only saves work");
    }
    expect(await details.locator("[data-status=equivalent]").count()).toBe(2);
    expect(await details.locator("[data-status=survived]").count()).toBe(0);
    // The table scrolls inside its own frame: the page itself never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `staff-checks-${locale === "zh-CN" ? "zh" : "en"}-${size}`);
    await page.context().close();
  }, 120_000);
}
