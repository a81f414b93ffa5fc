/**
 * The visual labs end to end, in Chromium against the production build: a student puts the
 * exercises' solutions in their drafts (through the draft API), opens each section's lab
 * from the course page, runs it as a student would, and the page itself shows the outcome:
 * Hopfield recall from 10 % noise, RBM reconstruction error down ≥ 30 % over 3 epochs,
 * denoised digits closer (MSE) than the noisy ones. A broken function's error names it;
 * the reference never reaches a student's browser; no request leaves localhost. Saves one
 * screenshot per lab and the measured CD-1 epoch times in test-results/.
 */

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/prisma/client";
import { DEMO_COURSE } from "@/scripts/seed";
import { labById, type LabId } from "@/labs/catalogue";
import {
  DEMO,
  E2E_SETUP_TIMEOUT_MS,
  RESULTS_DIR,
  ROOT,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  startApp,
  type RunningApp,
} from "./harness";

let app: RunningApp;
let browser: Browser;
let db: Db;
let courseId: string;
const assignmentOf: Partial<Record<LabId, string>> = {};
const timings: Record<string, number[]> = {};
const RUN_TIMEOUT_MS = 240_000;

const SECTIONS: Record<LabId, string> = { hopfield: "10.1", boltzmann: "10.2", rbm: "10.3", dae: "10.7" };

function solution(slug: string): string {
  const folder = fs.readdirSync(path.join(ROOT, "exercises")).find((d) => d.endsWith(`-${slug}`))!;
  return fs.readFileSync(path.join(ROOT, "exercises", folder, "solution.ts"), "utf8");
}

beforeAll(async () => {
  app = await startApp({
    // 10.7 is not released in the demo yet; release it for this run.
    prepare: async (d) => {
      await d.assignment.updateMany({
        where: { titleEn: { startsWith: "10.7" } },
        data: { releaseAt: new Date(Date.now() - 86_400_000) },
      });
    },
  });
  browser = await launchBrowser();
  db = createDb(app.databaseUrl);
  courseId = (await db.course.findUniqueOrThrow({ where: { slug: DEMO_COURSE.slug } })).id;
  for (const [lab, section] of Object.entries(SECTIONS) as [LabId, string][]) {
    const item = await db.assignmentExercise.findFirstOrThrow({
      where: { exercise: { section }, assignment: { courseId } },
    });
    assignmentOf[lab] = item.assignmentId;
  }
}, E2E_SETUP_TIMEOUT_MS);

afterAll(async () => {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, "lab-timings.json"), JSON.stringify(timings, null, 2));
  console.log("[labs] CD-1 epoch times (ms):", JSON.stringify(timings));
  await browser?.close();
  await db?.$disconnect();
  await app?.stop();
});

/** Every request of the page's context, to check that none leaves the app. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.context().on("request", (r) => urls.push(r.url()));
  return urls;
}

function foreign(urls: string[]): string[] {
  return urls.filter((u) => !u.startsWith(app.baseUrl) && !u.startsWith("data:") && !u.startsWith("blob:"));
}

/** Saves a draft for each of the lab's functions through the draft API (as autosave does). */
async function setDrafts(page: Page, lab: LabId, replace: Record<string, string> = {}) {
  for (const f of labById(lab)!.functions) {
    const url = `${app.baseUrl}/api/student/courses/${courseId}/assignments/${assignmentOf[lab]}/exercises/${f.slug}/draft`;
    const res = await page.request.put(url, {
      data: { code: replace[f.entry] ?? solution(f.slug) },
      headers: { origin: app.baseUrl },
    });
    expect(res.status(), `${f.slug} draft`).toBe(200);
  }
}

/** Opens the lab from the course page (a student) or the staff assignment page, as a person would. */
async function openLab(page: Page, lab: LabId, staff = false) {
  if (staff) {
    await page.goto(`${app.baseUrl}/courses/${courseId}/staff/assignments/${assignmentOf[lab]}`);
    await page.locator(`a[href$="/assignments/${assignmentOf[lab]}/lab"]`).click();
  } else {
    await page.goto(`${app.baseUrl}/courses/${courseId}`);
    await page.locator(`a[data-testid=lab-link][href$="/assignments/${assignmentOf[lab]}/lab"]`).click();
  }
  await page.waitForURL(/\/lab$/);
  await page.locator("[data-testid=lab-workbench][data-ready=true]").waitFor();
}

async function setNumber(page: Page, name: string, value: number) {
  const input = page.locator(`input[name=${name}]`);
  await input.click({ clickCount: 3 });
  await page.keyboard.type(String(value), { delay: 30 });
}

/** Clicks Run and waits until the run has ended; returns the final state. */
async function runToEnd(page: Page): Promise<string> {
  await page.locator("[data-testid=lab-run]").click();
  const state = page.locator("[data-testid=lab-state]");
  await state.waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () =>
      ["done", "error", "stopped"].includes(
        document.querySelector("[data-testid=lab-state]")?.getAttribute("data-state") ?? "",
      ),
    undefined,
    { timeout: RUN_TIMEOUT_MS, polling: 250 },
  );
  return (await state.getAttribute("data-state"))!;
}

/** A full-page screenshot in test-results/ (the ones in docs/ are copied from there by hand, not by tests). */
async function labScreenshot(page: Page, name: string) {
  await page.waitForTimeout(300);
  await screenshot(page, name);
}

describe("labs in Chromium", () => {
  it(
    "10.1 (en): the student's Hopfield functions recall a stored digit from 10 % noise",
    { timeout: RUN_TIMEOUT_MS },
    async () => {
      const page = await newPage(browser, { deviceScaleFactor: 2 });
      const urls = recordRequests(page);
      await signIn(page, app, DEMO.student);
      await setDrafts(page, "hopfield");
      await openLab(page, "hopfield");
      expect(await page.locator("input[name=noise]").inputValue()).toBe("0.1");
      expect(await page.locator("input[name=source][value=reference]").count()).toBe(0);
      expect(await runToEnd(page)).toBe("done");
      await page.locator("[data-testid=hopfield-outcome]").waitFor();
      expect(await page.locator("[data-testid=hopfield-outcome]").getAttribute("data-recalled")).toBe("true");
      await expect(page.locator("[data-testid=lab-warning]").count()).resolves.toBe(0);
      await page.locator("[data-testid=hopfield-crosstalk]").waitFor();
      await labScreenshot(page, "lab-hopfield");
      expect(foreign(urls)).toEqual([]);
      await page.context().close();
    },
  );

  it(
    "a broken student function stops the lab with a message naming it and the input (zh)",
    { timeout: RUN_TIMEOUT_MS },
    async () => {
      const page = await newPage(browser, { locale: "zh-CN" });
      await signIn(page, app, DEMO.student);
      await setDrafts(page, "hopfield", {
        hebbianWeights: `export function hebbianWeights(X: number[][]): number[][] {\n  return X.map((x) => x.slice(1));\n}\n`,
      });
      await openLab(page, "hopfield");
      expect(await runToEnd(page)).toBe("error");
      const text = await page.locator("[data-testid=lab-error]").innerText();
      expect(text).toContain("hebbianWeights 在处理「2 个数字 0、1」时");
      expect(text).toContain("out 的形状应为 196 × 196");
      await page.context().close();
    },
  );

  it(
    "10.2 (zh): annealing with the student's Metropolis rule escapes the local minimum",
    { timeout: RUN_TIMEOUT_MS },
    async () => {
      const page = await newPage(browser, { locale: "zh-CN", deviceScaleFactor: 2 });
      const urls = recordRequests(page);
      await signIn(page, app, DEMO.students[1]);
      await setDrafts(page, "boltzmann");
      await openLab(page, "boltzmann");
      expect(await runToEnd(page)).toBe("done");
      const s = page.locator("[data-testid=boltzmann-success]");
      expect(Number(await s.getAttribute("data-annealed"))).toBeGreaterThan(
        Number(await s.getAttribute("data-quenched")),
      );
      await expect(page.getByText("总变差距离").first().isVisible()).resolves.toBe(true);
      await labScreenshot(page, "lab-boltzmann");
      expect(foreign(urls)).toEqual([]);
      await page.context().close();
    },
  );

  it(
    "10.3 (en): the student's CD-1 lowers the reconstruction error by ≥ 30 % over 3 epochs",
    { timeout: RUN_TIMEOUT_MS },
    async () => {
      const page = await newPage(browser, { deviceScaleFactor: 2 });
      const urls = recordRequests(page);
      await signIn(page, app, DEMO.student);
      await setDrafts(page, "rbm");
      await openLab(page, "rbm");
      expect(await page.locator("input[name=epochs]").inputValue()).toBe("3");
      expect(await runToEnd(page)).toBe("done");
      const e = page.locator("[data-testid=rbm-error]");
      const first = Number(await e.getAttribute("data-first"));
      const last = Number(await e.getAttribute("data-last"));
      expect((first - last) / first).toBeGreaterThanOrEqual(0.3);
      timings.studentSolutionEpochMs = JSON.parse((await e.getAttribute("data-epoch-ms"))!) as number[];
      await labScreenshot(page, "lab-rbm");
      expect(foreign(urls)).toEqual([]);
      await page.context().close();
    },
  );

  it(
    "10.3: with the reference (instructor demo), one CD-1 epoch of 784 × 64 over 2,000 digits in batches of 20",
    { timeout: RUN_TIMEOUT_MS },
    async () => {
      const page = await newPage(browser);
      await signIn(page, app, DEMO.instructor);
      await openLab(page, "rbm", true);
      expect(await page.locator("input[name=source][value=reference]").isChecked()).toBe(true);
      await setNumber(page, "epochs", 2);
      expect(await runToEnd(page)).toBe("done");
      const ms = JSON.parse((await page.locator("[data-testid=rbm-error]").getAttribute("data-epoch-ms"))!) as number[];
      timings.referenceEpochMs = ms;
      timings.loadAverage = os.loadavg();
      expect(ms).toHaveLength(2);
      // 2 s on this 2-core machine; when other processes compete for the cores (load average above 2),
      // this process gets a share of about 2 / load, so the budget grows by that factor
      const share = Math.max(1, os.loadavg()[0] / os.cpus().length);
      expect(Math.min(...ms)).toBeLessThan(2000 * share);
      await page.context().close();
    },
  );

  it(
    "10.7 (zh): denoised digits are closer to the originals than the noisy ones",
    { timeout: RUN_TIMEOUT_MS },
    async () => {
      const page = await newPage(browser, { locale: "zh-CN", deviceScaleFactor: 2 });
      const urls = recordRequests(page);
      await signIn(page, app, DEMO.student);
      await setDrafts(page, "dae");
      await openLab(page, "dae");
      expect(await runToEnd(page)).toBe("done");
      const m = page.locator("[data-testid=dae-mse]");
      expect(await m.getAttribute("data-closer")).toBe("true");
      expect(Number(await m.getAttribute("data-denoised"))).toBeLessThan(Number(await m.getAttribute("data-noisy")));
      await labScreenshot(page, "lab-dae");
      expect(foreign(urls)).toEqual([]);
      await page.context().close();
    },
  );

  it(
    "the reference never reaches a student's browser unless the assignment enables it",
    { timeout: RUN_TIMEOUT_MS },
    async () => {
      const page = await newPage(browser);
      await signIn(page, app, DEMO.student);
      const url = `${app.baseUrl}/api/courses/${courseId}/assignments/${assignmentOf.rbm}/lab?source=reference`;
      expect((await page.request.get(url)).status()).toBe(404);
      const staff = await newPage(browser);
      await signIn(staff, app, DEMO.instructor);
      const ref = await staff.request.get(url);
      expect(ref.status()).toBe(200);
      // string literals inside reference/rbm.ts's function bodies (the editor's type declarations name its
      // functions, so names are no marker): the served reference has them, no client file of the build does
      const markers = ["cdk: empty batch", "likelihoodGradient: empty batch"];
      expect(JSON.stringify(await ref.json())).toContain(markers[0]);
      const files: string[] = [];
      const walk = (dir: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          if (e.isDirectory()) walk(path.join(dir, e.name));
          else files.push(path.join(dir, e.name));
        }
      };
      walk(path.join(ROOT, ".next", "static"));
      expect(files.length).toBeGreaterThan(10);
      const leaking = files.filter((f) => markers.some((m) => fs.readFileSync(f, "utf8").includes(m)));
      expect(leaking).toEqual([]);
      // once the instructor enables it, the student may use it
      await db.assignment.update({ where: { id: assignmentOf.rbm }, data: { labReference: true } });
      expect((await page.request.get(url)).status()).toBe(200);
      await db.assignment.update({ where: { id: assignmentOf.rbm }, data: { labReference: false } });
      await page.context().close();
      await staff.context().close();
    },
  );
});
