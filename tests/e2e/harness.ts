/**
 * Shared end-to-end harness: a production build, a seeded server on a free port, and
 * Debian's Chromium driven by playwright-core.
 *
 *   let app: RunningApp; let browser: Browser;
 *   beforeAll(async () => {
 *     app = await startApp();                // ensureBuild() + temp seeded DB + `next start`
 *     browser = await launchBrowser();
 *   }, E2E_SETUP_TIMEOUT_MS);
 *   afterAll(async () => { await browser?.close(); await app?.stop(); });
 *
 *   const page = await newPage(browser, { locale: "en-US" });
 *   await signIn(page, app, DEMO.student);
 *   await screenshot(page, "student-home");   // → test-results/student-home.png
 *
 * The build runs at most once for a given source tree: ensureBuild() fingerprints the
 * sources, takes a file lock (test files run in parallel processes) and rebuilds only when
 * .next/ was built from different sources.
 */

import { startSupervisor } from "../../grader/supervisor";
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { createDb, type Provider } from "@/prisma/client";
import { applyMigrations } from "@/prisma/migrate";
import { DEMO_COURSE, DEMO_PASSWORD, DEMO_USERS, seed } from "@/scripts/seed";
import { createPostgresDatabase } from "../helpers/db";
import { DIGITS_PATH } from "@/labs/digits";
import { writeDigitsAsset } from "@/scripts/lab-digits";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const RESULTS_DIR = path.join(ROOT, "test-results");
export const CHROMIUM = process.env.GIBBS_CHROMIUM ?? "/usr/bin/chromium";
/** Budget for beforeAll: a cold production build takes a few minutes on 2 cores. */
export const E2E_SETUP_TIMEOUT_MS = 15 * 60 * 1000;

const byRole = (role: string) =>
  DEMO_USERS.filter((u) => u.role === role).map((u) => ({ email: u.email, password: DEMO_PASSWORD, name: u.name }));
/** Demo accounts created by the seed. */
export const DEMO = {
  instructor: byRole("instructor")[0],
  ta: byRole("ta")[0],
  student: byRole("student")[0],
  students: byRole("student"),
};

// ---------------------------------------------------------------- build

const FINGERPRINT_PATHS = [
  "app",
  "accounts",
  "labs",
  "prisma",
  "grader",
  "exercises",
  "reference",
  "next.config.js",
  "proxy.ts",
  "package-lock.json",
  "tsconfig.json",
];
const FINGERPRINT_SKIP = new Set(["node_modules", ".next", "generated", "migrations", "data", "test-results"]);

/** sha256 over the names and contents of every source file the build depends on. */
export function sourceFingerprint(): string {
  const h = createHash("sha256");
  const walk = (rel: string) => {
    const abs = path.join(ROOT, rel);
    if (!fs.existsSync(abs)) return;
    const st = fs.statSync(abs);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) if (!FINGERPRINT_SKIP.has(name)) walk(path.join(rel, name));
    } else if (st.isFile()) {
      h.update(rel).update("\0").update(fs.readFileSync(abs)).update("\0");
    }
  };
  for (const p of FINGERPRINT_PATHS) walk(p);
  return h.digest("hex");
}

const STAMP = path.join(ROOT, ".next", "gibbs-build-fingerprint");
const LOCK = path.join(os.tmpdir(), `gibbs-build-${createHash("sha256").update(ROOT).digest("hex").slice(0, 12)}.lock`);

function lockOwnerGone(): boolean {
  let pid = 0;
  try {
    pid = Number(fs.readFileSync(path.join(LOCK, "pid"), "utf8").trim());
  } catch {
    return false; // being created right now
  }
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

async function withLock<T>(fn: () => Promise<T> | T): Promise<T> {
  const deadline = Date.now() + E2E_SETUP_TIMEOUT_MS;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, "pid"), String(process.pid));
      break;
    } catch {
      // Stale lock from a killed run: its owner is gone.
      if (lockOwnerGone()) fs.rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${LOCK}`);
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

/** A production build of the current sources in .next/ (built at most once per source tree). */
export async function ensureBuild(): Promise<void> {
  await withLock(async () => {
    // The labs' digit file is served from public/, read at run time, not part of the build.
    const digits = path.join(ROOT, "public", DIGITS_PATH);
    if (!fs.existsSync(digits)) writeDigitsAsset(digits);
    const fp = sourceFingerprint();
    const built =
      fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")) &&
      fs.existsSync(STAMP) &&
      fs.readFileSync(STAMP, "utf8") === fp;
    if (built) return;
    const started = Date.now();
    // Async, so the test process stays responsive to vitest while the build runs.
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${out}`);
    fs.writeFileSync(STAMP, fp);
    console.log(`[e2e] next build: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
}

// ---------------------------------------------------------------- server

export interface RunningApp {
  baseUrl: string;
  /** Every web server's base URL (the first is `baseUrl`). */
  baseUrls: string[];
  port: number;
  /** DATABASE_URL of the app's temporary database. */
  databaseUrl: string;
  dataDir: string;
  /** Server output so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer at ${url} within ${timeoutMs} ms:\n${output()}`);
}

/**
 * Builds if needed, then serves the production build on a free port against a fresh,
 * migrated and seeded temporary database. `prepare` may add rows before the server starts.
 * `database: "postgresql"` puts that database on the test server (GIBBS_TEST_POSTGRES_URL);
 * `webServers: n` starts n `next start` processes on it (`baseUrls`), as a scaled-out site runs.
 */
export async function startApp(
  opts: {
    prepare?: (db: ReturnType<typeof createDb>) => Promise<void>;
    env?: Record<string, string>;
    /** Also run the grader (supervisor + this many workers) against the app's database, as `npm start` does. */
    graderWorkers?: number;
    database?: Provider;
    webServers?: number;
  } = {},
): Promise<RunningApp> {
  await ensureBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gibbs-e2e-"));
  const pgDb = opts.database === "postgresql" ? await createPostgresDatabase() : undefined;
  const databaseUrl = pgDb ? pgDb.url : `file:${path.join(dataDir, "gibbs.db")}`;
  await applyMigrations(databaseUrl);
  const db = createDb(databaseUrl);
  try {
    await seed(db, { demo: true, admin: null });
    await opts.prepare?.(db);
  } finally {
    await db.$disconnect();
  }
  let out = "";
  const output = () => out;
  const servers: { child: ChildProcess; baseUrl: string; port: number }[] = [];
  for (let i = 0; i < (opts.webServers ?? 1); i++) {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NEXT_TELEMETRY_DISABLED: "1",
          DATABASE_URL: databaseUrl,
          GIBBS_DATA_DIR: dataDir,
          PORT: String(port),
          ...opts.env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (out += d));
    servers.push({ child, port, baseUrl: `http://127.0.0.1:${port}` });
  }
  const grader = opts.graderWorkers
    ? startSupervisor({
        concurrency: opts.graderWorkers,
        env: { ...process.env, DATABASE_URL: databaseUrl, GIBBS_DATA_DIR: dataDir },
        stdio: "ignore",
        log: (m) => (out += `[grader] ${m}\n`),
      })
    : null;
  try {
    await Promise.all([...servers.map((s) => waitForHttp(`${s.baseUrl}/signin`, s.child, output)), grader?.ready]);
  } catch (e) {
    for (const s of servers) s.child.kill("SIGKILL");
    await grader?.stop();
    await pgDb?.drop();
    throw e;
  }
  return {
    baseUrl: servers[0].baseUrl,
    baseUrls: servers.map((s) => s.baseUrl),
    port: servers[0].port,
    databaseUrl,
    dataDir,
    output,
    async stop() {
      await grader?.stop();
      for (const { child } of servers) {
        if (child.exitCode !== null) continue;
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      await pgDb?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- browser

/** Debian's Chromium, headless, sandbox-less (containers), no background network traffic. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does`);
  // playwright-core gives every launch a fresh temporary user-data-dir.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** A page in a fresh context (own cookies). Default viewport 1280×800, locale en-US. */
export async function newPage(browser: Browser, opts: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US", ...opts });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** Full-page PNG in test-results/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const AXE = fs.readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; any: { data?: unknown }[] }[];
};

/** axe-core in the page; the serious and critical violations, as "rule: target" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.help}): ${n.target.join(" ")} ${JSON.stringify(n.any[0]?.data ?? "")}`),
    );
}

/** Signs in through the real form and waits for the course list. */
export async function signIn(page: Page, app: RunningApp, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${app.baseUrl}/signin`);
  await page.fill("#email", user.email);
  await page.fill("#password", user.password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/signin")),
    page.click("form.form button[type=submit]"),
  ]);
}

/** The demo course's page for one exercise (by slug), e.g. `rbm-cd1`, and the course's id. */
export async function exercisePageUrl(
  app: RunningApp,
  db: ReturnType<typeof createDb>,
  slug: string,
): Promise<{ url: string; courseId: string }> {
  const course = await db.course.findUniqueOrThrow({ where: { slug: DEMO_COURSE.slug } });
  const item = await db.assignmentExercise.findFirstOrThrow({
    where: { exercise: { slug }, assignment: { courseId: course.id } },
  });
  return {
    url: `${app.baseUrl}/courses/${course.id}/assignments/${item.assignmentId}/exercises/${slug}`,
    courseId: course.id,
  };
}
