/**
 * The database half of `npm run bench`: temporary databases on either provider, enqueueing and
 * draining surges through real worker processes, and the CPU those processes use.
 *
 *   npm run bench -- --db postgresql     # the scale-out comparison (see `benchScaleOut`)
 *
 * PostgreSQL runs use a fresh database on the server of DATABASE_URL (when it is a
 * postgresql:// URL) or of GIBBS_TEST_POSTGRES_URL, dropped afterwards.
 */

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db, type Provider } from "../prisma/client";
import { applyMigrations } from "../prisma/migrate";
import type { ExerciseEntry } from "../exercises/catalogue";
import { PHASES, PhaseClock, type Phase, type PhaseTotals } from "./phaseClock";
import { createQueueFixture, type QueueFixture } from "./queueFixture";
import { startSupervisor, type Supervisor } from "./supervisor";
import { GradingWorker } from "./worker";

export interface TempDb {
  provider: Provider;
  url: string;
  db: Db;
  cleanup(): Promise<void>;
}

/** The PostgreSQL server benchmarks create their databases on. */
function postgresServerUrl(): string {
  const url = [process.env.DATABASE_URL, process.env.GIBBS_TEST_POSTGRES_URL].find((u) => u?.startsWith("postgres"));
  if (!url)
    throw new Error(
      `--db postgresql needs a server: set DATABASE_URL=postgresql://… (or GIBBS_TEST_POSTGRES_URL; eval "$(.ci/postgres start)" starts a throwaway one)`,
    );
  return url;
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A fresh, migrated database of `provider`, deleted by `cleanup`. */
export async function tempDb(provider: Provider): Promise<TempDb> {
  let url: string;
  let drop: () => Promise<void>;
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gibbs-bench-"));
    url = `file:${path.join(dir, "bench.db")}`;
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const server = postgresServerUrl();
    const name = `gibbs_bench_${randomBytes(5).toString("hex")}`;
    await onServer(server, `CREATE DATABASE "${name}"`);
    const u = new URL(server);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = () => onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  await applyMigrations(url);
  const db = createDb(url);
  return {
    provider,
    url,
    db,
    async cleanup() {
      await db.$disconnect();
      await drop();
    },
  };
}

/** Every exercise's solution, round-robin: the job mix of every queue benchmark. */
export function solutionMix(catalogue: Map<string, ExerciseEntry>): { slug: string; code: string }[] {
  return [...catalogue.values()].map((e) => ({
    slug: e.spec.slug,
    code: fs.readFileSync(path.join(e.dir, "solution.ts"), "utf8"),
  }));
}

/**
 * Enqueues the jobs with ids "<tag>-<i>" (queries select by id prefix), 500 rows per insert,
 * each stamped with the time of its insert, and returns the tag. A surge is many students each
 * submitting once (a student has one job in flight at a time): job i is student "<tag>-u<i>"'s.
 */
export async function enqueueMany(
  db: Db,
  fx: QueueFixture,
  jobs: { slug: string; code: string }[],
  tag: string,
): Promise<string> {
  const users = jobs.map((_, i) => ({ id: `${tag}-u${i}`, email: `${tag}-u${i}@example.edu`, name: `Surge ${i}` }));
  for (let i = 0; i < users.length; i += 500) await db.user.createMany({ data: users.slice(i, i + 500) });
  const rows = jobs.map((j, i) => ({
    id: `${tag}-${i}`,
    userId: users[i].id,
    assignmentId: fx.assignmentId,
    ...fx.exercises.get(j.slug)!,
    code: `${j.code}\n// ${tag} ${i}`,
    kind: "submit",
    status: "queued",
  }));
  for (let i = 0; i < rows.length; i += 500) {
    const submittedAt = new Date();
    await db.submission.createMany({ data: rows.slice(i, i + 500).map((r) => ({ ...r, submittedAt })) });
  }
  return tag;
}

/**
 * Seconds until no job of `tag` is queued or running (or the timeout). It counts every 100 ms while
 * more than 50 jobs are open, then every 10 ms: the count is a scan, and at 20 ms throughout it
 * cost the PostgreSQL server ~1 ms of CPU per graded job, taken from the workers it measures.
 */
export async function drain(db: Db, tag: string, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await db.submission.count({
      where: { id: { startsWith: `${tag}-` }, status: { in: ["queued", "running"] } },
    });
    if (open === 0 || Date.now() > deadline) return (performance.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, open > 50 ? 100 : 10));
  }
}

/** Jobs of `tag` without a graded result, and jobs graded more than once. */
export async function lostAndDuplicated(db: Db, tag: string, jobs: number) {
  const graded = await db.submission.count({
    where: { id: { startsWith: `${tag}-` }, status: "graded", resultId: { not: null } },
  });
  const perSubmission = await db.gradingResult.groupBy({
    by: ["submissionId"],
    where: { submissionId: { startsWith: `${tag}-` }, purpose: "grade" },
    _count: { _all: true },
  });
  return { lost: jobs - graded, duplicated: perSubmission.filter((g) => g._count._all > 1).length };
}

// ---------------------------------------------------------------- CPU

const TICK_MS = 10; // Linux USER_HZ = 100: /proc/<pid>/stat times are in 10 ms ticks

/** CPU milliseconds (user + system) a process has used so far; 0 once it is gone. */
export function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** Pids of the PostgreSQL server's processes on this machine (the postmaster and its backends). */
function postgresPids(): number[] {
  const pids: number[] = [];
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (fs.readFileSync(`/proc/${d}/comm`, "utf8").trim().startsWith("postgres")) pids.push(Number(d));
    } catch {
      /* exited */
    }
  }
  return pids;
}

/** Pids of this process's children whose command is `comm` (esbuild's service process). */
function childPids(comm: string): number[] {
  const pids: number[] = [];
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === process.pid && fs.readFileSync(`/proc/${d}/comm`, "utf8").trim() === comm) pids.push(Number(d));
    } catch {
      /* exited */
    }
  }
  return pids;
}

/** CPU used by the given processes between `start()` and `stop()`, in ms. */
function cpuMeter(pids: () => number[]) {
  const at = new Map<number, number>();
  for (const p of pids()) at.set(p, cpuMs(p));
  return () => {
    let total = 0;
    for (const p of pids()) total += cpuMs(p) - (at.get(p) ?? 0);
    return total;
  };
}

// ---------------------------------------------------------------- scale-out comparison

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const r2 = (x: number) => Math.round(x * 100) / 100;

export interface SurgeFigures {
  workers: number;
  jobs: number;
  drainSeconds: number;
  jobsPerSec: number;
  lost: number;
  duplicated: number;
  /** enqueue (submittedAt) → graded (gradedAt), ms */
  p50Ms: number;
  p99Ms: number;
  /** CPU per graded job: all worker processes, and the local PostgreSQL server's processes. */
  workerCpuMsPerJob: number;
  databaseServerCpuMsPerJob: number;
}

async function surge(t: TempDb, fx: QueueFixture, mix: ReturnType<typeof solutionMix>, workers: number, jobs: number) {
  const sup = startSupervisor({ concurrency: workers, env: { DATABASE_URL: t.url }, stdio: "ignore", log: () => {} });
  try {
    await sup.ready;
    const tagWarm = `warm${workers}`;
    await drain(t.db, await enqueueMany(t.db, fx, jobsOf(mix, mix.length * workers), tagWarm), 120_000);
    const workerPids = () => sup.workers().flatMap((c) => (c.pid ? [c.pid] : []));
    const workerCpu = cpuMeter(workerPids);
    const serverCpu = cpuMeter(t.provider === "postgresql" ? postgresPids : () => []);
    const tag = `surge${workers}`;
    const t0 = performance.now();
    await enqueueMany(t.db, fx, jobsOf(mix, jobs), tag);
    await drain(t.db, tag, 600_000);
    const drainSeconds = (performance.now() - t0) / 1000;
    const wCpu = workerCpu();
    const sCpu = serverCpu();
    const rows = await t.db.submission.findMany({
      where: { id: { startsWith: `${tag}-` }, status: "graded" },
      select: { submittedAt: true, gradedAt: true },
    });
    const latencies = rows.map((r) => r.gradedAt!.getTime() - r.submittedAt.getTime());
    const figures: SurgeFigures = {
      workers,
      jobs,
      drainSeconds: r2(drainSeconds),
      jobsPerSec: r2(jobs / drainSeconds),
      ...(await lostAndDuplicated(t.db, tag, jobs)),
      p50Ms: pct(latencies, 50),
      p99Ms: pct(latencies, 99),
      workerCpuMsPerJob: r2(wCpu / jobs),
      databaseServerCpuMsPerJob: r2(sCpu / jobs),
    };
    return figures;
  } finally {
    await sup.stop();
  }
}

function jobsOf(mix: ReturnType<typeof solutionMix>, n: number) {
  return Array.from({ length: n }, (_, i) => mix[i % mix.length]);
}

export interface IdleFigures {
  workers: number;
  seconds: number;
  /** Share of one core each idle worker process uses. */
  cpuPercentPerWorker: number;
  /** Time from enqueue to claim of a "run" job arriving at idle workers (median and worst of `samples`). */
  wakeMedianMs: number;
  wakeMaxMs: number;
  samples: number;
}

/** Idle workers: CPU over `seconds` with an empty queue, then how fast a single new job is claimed. */
export async function idle(
  t: TempDb,
  fx: QueueFixture,
  mix: ReturnType<typeof solutionMix>,
  workers: number,
  seconds: number,
) {
  const sup: Supervisor = startSupervisor({
    concurrency: workers,
    env: { DATABASE_URL: t.url },
    stdio: "ignore",
    log: () => {},
  });
  try {
    await sup.ready;
    await new Promise((r) => setTimeout(r, 2_000)); // past start-up and the backoff's ramp
    const pids = sup.workers().flatMap((c) => (c.pid ? [c.pid] : []));
    const meter = cpuMeter(() => pids);
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const cpu = meter();
    const wakes: number[] = [];
    const samples = 15;
    for (let i = 0; i < samples; i++) {
      // Let the workers fall idle again (SQLite: back to the longest backoff) before each job.
      await new Promise((r) => setTimeout(r, 600));
      const id = await fx.submit(mix[0].slug, `${mix[0].code}\n// wake ${i}`, "run");
      for (;;) {
        const s = await t.db.submission.findUniqueOrThrow({
          where: { id },
          select: { submittedAt: true, startedAt: true },
        });
        if (s.startedAt) {
          wakes.push(s.startedAt.getTime() - s.submittedAt.getTime());
          break;
        }
        await new Promise((r) => setTimeout(r, 2));
      }
    }
    const figures: IdleFigures = {
      workers,
      seconds,
      cpuPercentPerWorker: r2((100 * cpu) / (seconds * 1000) / workers),
      wakeMedianMs: pct(wakes, 50),
      wakeMaxMs: Math.max(...wakes),
      samples,
    };
    return figures;
  } finally {
    await sup.stop();
  }
}

/**
 * The scale-out comparison: a `jobs`-submission surge with 2 and 4 worker processes, and idle
 * workers' CPU and wake-up time, on PostgreSQL and on SQLite side by side.
 */
export async function benchScaleOut(
  catalogue: Map<string, ExerciseEntry>,
  opts: { jobs: number; idleSeconds: number },
) {
  const mix = solutionMix(catalogue);
  const out: Record<Provider, { surge: SurgeFigures[]; idle: IdleFigures }> = {} as never;
  for (const provider of ["postgresql", "sqlite"] as const) {
    const surges: SurgeFigures[] = [];
    let idleFigures: IdleFigures;
    for (const workers of [2, 4]) {
      const t = await tempDb(provider);
      try {
        const fx = await createQueueFixture(t.db, catalogue);
        const f = await surge(t, fx, mix, workers, opts.jobs);
        console.log(`${provider} ${workers} workers: ${JSON.stringify(f)}`);
        surges.push(f);
      } finally {
        await t.cleanup();
      }
    }
    const t = await tempDb(provider);
    try {
      const fx = await createQueueFixture(t.db, catalogue);
      idleFigures = await idle(t, fx, mix, 2, opts.idleSeconds);
      console.log(`${provider} idle: ${JSON.stringify(idleFigures)}`);
    } finally {
      await t.cleanup();
    }
    out[provider] = { surge: surges, idle: idleFigures };
  }
  return out;
}

// ---------------------------------------------------------------- CPU per job by phase

export interface PhaseProfile {
  provider: Provider;
  jobs: number;
  jobsPerSec: number;
  /** Per job, in the worker process (all its threads), one job at a time: CPU and wall ms by phase. */
  phases: Record<Phase, PhaseTotals>;
  /** The worker process's whole CPU per job; minus the phases = background (the next isolate, GC, timers). */
  processCpuMsPerJob: number;
  /** esbuild's service process (a child of the worker): transpiling happens there. */
  esbuildCpuMsPerJob: number;
  /** The local PostgreSQL server's processes (0 on SQLite, which runs inside the worker). */
  databaseServerCpuMsPerJob: number;
}

/**
 * CPU per job by phase: a worker in this process, one job at a time, drains `jobs` of the usual mix on
 * `provider`, lapping a PhaseClock at each phase (claim, load, transpile, isolate, run, compare, write, sweep).
 */
export async function phaseProfile(
  provider: Provider,
  catalogue: Map<string, ExerciseEntry>,
  jobs: number,
): Promise<PhaseProfile> {
  const t = await tempDb(provider);
  try {
    if (provider === "sqlite") await t.db.$queryRawUnsafe("PRAGMA synchronous = NORMAL"); // as worker.ts main()
    const fx = await createQueueFixture(t.db, catalogue);
    const mix = solutionMix(catalogue);
    // Warm-up (expected values, the lab bundle, the spare isolate: per process), then the measured
    // jobs are enqueued before the measured worker starts.
    await drainInProcess(
      t.db,
      catalogue,
      2 * mix.length,
      await enqueueMany(t.db, fx, jobsOf(mix, 2 * mix.length), "warm"),
    );
    // A tag of its own: the codes differ from every other run's, so this process's transpile cache misses.
    const tag = await enqueueMany(t.db, fx, jobsOf(mix, jobs), `prof-${provider}`);
    const clock = new PhaseClock();
    const esbuild = cpuMeter(() => childPids("esbuild"));
    const server = cpuMeter(provider === "postgresql" ? postgresPids : () => []);
    const cpu0 = process.cpuUsage();
    const seconds = await drainInProcess(t.db, catalogue, jobs, tag, clock);
    const cpu = process.cpuUsage(cpu0);
    const perJob = (ms: number) => r2(ms / jobs);
    const phases = Object.fromEntries(
      PHASES.map((p) => [p, { cpuMs: perJob(clock.totals[p].cpuMs), wallMs: perJob(clock.totals[p].wallMs) }]),
    ) as Record<Phase, PhaseTotals>;
    return {
      provider,
      jobs,
      jobsPerSec: r2(jobs / seconds),
      phases,
      processCpuMsPerJob: perJob((cpu.user + cpu.system) / 1000),
      esbuildCpuMsPerJob: perJob(esbuild()),
      databaseServerCpuMsPerJob: perJob(server()),
    };
  } finally {
    await t.cleanup();
  }
}

/**
 * Seconds for a worker in this process, one job at a time, to grade `jobs` jobs (those of `tag`);
 * it waits on the worker's own count, so this process sends no polling queries meanwhile.
 */
async function drainInProcess(
  db: Db,
  catalogue: Map<string, ExerciseEntry>,
  jobs: number,
  tag: string,
  clock?: PhaseClock,
): Promise<number> {
  const worker = new GradingWorker({ db, catalogue, inFlight: 1, clock, log: () => {} });
  const t0 = performance.now();
  const loop = worker.loop();
  try {
    const deadline = Date.now() + 300_000;
    while (worker.graded < jobs && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    return (performance.now() - t0) / 1000;
  } finally {
    await worker.stop();
    await loop;
    const left = await db.submission.count({ where: { id: { startsWith: `${tag}-` }, status: { not: "graded" } } });
    if (left) throw new Error(`phase profile: ${left} jobs of ${tag} not graded`);
  }
}
