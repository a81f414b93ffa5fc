/**
 * `npm start`: everything Gibbs needs, in one command.
 *   1. applies pending migrations (the database file is created on first run);
 *   2. seeds the demo course when the database has no course yet (data is kept on later starts),
 *      otherwise syncs the exercise folders (a changed folder becomes a new exercise version);
 *   3. builds the app when there is no production build (.next/BUILD_ID);
 *   4. serves it with `next start` on PORT (default 3000), with scripts/peer-header.mjs preloaded
 *      (the socket address for the sign-in back-off), and, when the grader worker exists,
 *      runs it beside the web server as a child process (restarted if it crashes).
 * SIGINT/SIGTERM are forwarded to both children.
 */

import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createDb, databaseUrl, redactUrl } from "../prisma/client";
import { applyMigrations } from "../prisma/migrate";
import { formatSeedReport, seed } from "./seed";
import { formatSyncReport, syncExercises } from "../exercises/sync";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = process.env.PORT ?? "3000";
const log = (msg: string) => console.log(`[gibbs] ${msg}`);

/** The grader engineer's worker entry points, first match wins. */

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${signal ?? code}`)),
    );
  });
}

/** Slugs whose current version has no exercises:check report yet (the staff validation view shows them). */
async function uncheckedExercises(db: ReturnType<typeof createDb>): Promise<string[]> {
  const exercises = await db.exercise.findMany({ select: { slug: true, currentVersionId: true } });
  const checked = await db.exerciseVersion.findMany({
    where: {
      id: { in: exercises.flatMap((e) => (e.currentVersionId ? [e.currentVersionId] : [])) },
      checkJson: { not: null },
    },
    select: { id: true },
  });
  const done = new Set(checked.map((v) => v.id));
  return exercises.filter((e) => e.currentVersionId && !done.has(e.currentVersionId)).map((e) => e.slug);
}

let unchecked: string[] = [];

async function prepare(): Promise<void> {
  const url = databaseUrl();
  const m = await applyMigrations(url, { log: (l) => log(l) });
  log(
    `database ${redactUrl(url)}: ${m.applied.length} migration(s) applied, ${m.alreadyApplied.length} already applied`,
  );
  const db = createDb(url);
  try {
    if ((await db.course.count()) === 0) {
      log("empty database: seeding the demo course");
      console.log(formatSeedReport(await seed(db)));
    } else {
      // Changed exercise folders become new versions; new ones are stored (not added to assignments: `npm run db:seed` does that).
      console.log(formatSyncReport(await syncExercises(db)));
    }
    unchecked = await uncheckedExercises(db);
  } finally {
    await db.$disconnect();
  }
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    log("no production build yet: running `npm run build` (a few minutes on 2 cores)");
    await run("npm", ["run", "build"]);
  }
}

const children = new Set<ChildProcess>();
let stopping = false;

function startWeb(): ChildProcess {
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  // The socket address reaches the sign-in back-off only through this preload (Next does not expose it).
  const peerHeader = `--import ${pathToFileURL(path.join(root, "scripts", "peer-header.mjs")).href}`;
  const webEnv = { ...env, NODE_OPTIONS: [process.env.NODE_OPTIONS, peerHeader].filter(Boolean).join(" ") };
  const child = spawn(process.execPath, [next, "start", "-p", port], { stdio: "inherit", env: webEnv });
  children.add(child);
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (!stopping) {
      log(`web server stopped (${signal ?? code}); shutting down`);
      shutdown(typeof code === "number" && code !== 0 ? code : 1);
    }
  });
  log(`serving on http://localhost:${port}`);
  return child;
}

function startWorker(entry: string, delayMs = 0): void {
  setTimeout(() => {
    if (stopping) return;
    const child = spawn(process.execPath, ["--no-node-snapshot", "--import", "tsx", entry], { stdio: "inherit", env });
    children.add(child);
    const started = Date.now();
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (stopping) return;
      // Crash-looping workers back off up to 30 s; submissions wait queued in the database meanwhile.
      const next = Date.now() - started > 60_000 ? 1_000 : Math.min(30_000, Math.max(1_000, delayMs * 2));
      log(`grader worker exited (${signal ?? code}); restarting in ${Math.round(next / 1000)} s`);
      startWorker(entry, next);
    });
  }, delayMs);
}

function shutdown(code = 0): void {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill("SIGTERM");
  const force = setTimeout(() => {
    for (const c of children) c.kill("SIGKILL");
    process.exit(code);
  }, 10_000);
  force.unref();
  const wait = setInterval(() => {
    if (children.size === 0) {
      clearInterval(wait);
      process.exit(code);
    }
  }, 100);
}

for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => shutdown(0));

try {
  await prepare();
} catch (e) {
  console.error(`[gibbs] cannot start: ${(e as Error).message}`);
  process.exit(1);
}
startWeb();
if (process.env.GIBBS_WORKER !== "0") startWorker("grader/supervisor.ts");
else log("grader worker disabled (GIBBS_WORKER=0)");
if (unchecked.length && process.env.GIBBS_WORKER !== "0") {
  // New exercise versions get their validation report in the background, through the real sandbox.
  log(`validating ${unchecked.length} new exercise version(s) in the background`);
  const check = spawn(
    process.execPath,
    ["--no-node-snapshot", "--import", "tsx", "exercises/check.ts", "--store", ...unchecked],
    { stdio: "ignore", env },
  );
  children.add(check);
  check.on("exit", (code) => {
    children.delete(check);
    if (!stopping)
      log(
        code === 0
          ? "exercise validation stored"
          : `exercise validation finished with failures (exit ${code}); see the staff validation page`,
      );
  });
}
