/**
 * `npm run bench`: grading figures, printed as a table and written to bench/last.json.
 *
 * - perExercise: each exercise's solution.ts on its submit cases (visible + hidden,
 *   grading seed). sandboxMedianMs = the cases run through the sandbox (input copy,
 *   call, output copy; no transpile/isolate), directMedianMs = the same bundled JS
 *   imported in the host and called on the same cases; ratio = sandbox / direct.
 *   gradeMedianMs is the whole grade() (transpile, isolate, cases, compare).
 * - fixedCostMedianMs: an empty function on one case through transpile, isolate, run, result.
 * - throughputPerSec {workers1, workers2}: end to end through the database queue (temp
 *   SQLite, real worker processes), a round-robin mix of every exercise's solution.
 * - surge: 2000 jobs enqueued at once, 2 workers: drain time, lost and duplicated results.
 * - cpuPerJobByPhase: a worker in the bench process grading one job at a time (grader/phaseClock.ts):
 *   CPU and wall ms per job in claim, load, transpile, isolate, run, compare, write, sweep; the
 *   process's whole CPU per job, esbuild's service process, and (PostgreSQL) the database server's.
 * - scaleOut (only with --db postgresql): a 5,000-submission surge with 2 and 4 workers on
 *   PostgreSQL and SQLite side by side (drain, jobs/s, lost, duplicated, p50/p99 enqueue →
 *   graded, CPU per job in the workers and in the database server), and idle workers' CPU and
 *   wake-up time on both (grader/benchDatabase.ts), and CPU per job by phase on both. It is merged
 *   into bench/last.json.
 *
 *   npm run bench [-- --quick]       (--quick: fewer repetitions and jobs)
 *   npm run bench -- --db postgresql [--quick]
 */

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { loadCatalogue, type ExerciseEntry } from "../exercises/catalogue";
import { grade, prepareCases } from "./grade";
import {
  benchScaleOut,
  drain,
  enqueueMany,
  lostAndDuplicated,
  phaseProfile,
  solutionMix,
  tempDb,
  type PhaseProfile,
} from "./benchDatabase";
import { PHASES } from "./phaseClock";
import { createQueueFixture } from "./queueFixture";
import { Sandbox, warmSandbox } from "./sandbox/sandbox";
import type { ExerciseSpec } from "./spec";
import { matmul, sumMat, type Mat } from "../reference/numerics";
import { Rng } from "../reference/random";
import { startSupervisor } from "./supervisor";
import { transpile } from "./transpile";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const quick = process.argv.includes("--quick");
const REPS = quick ? 3 : 9;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r2 = (x: number) => Math.round(x * 100) / 100;

interface PerExercise {
  exercise: string;
  cases: number;
  sandboxMedianMs: number;
  directMedianMs: number;
  ratio: number;
  gradeMedianMs: number;
  /** Cases whose direct run takes ≥ 10 ms, with their own sandbox/direct ratio. */
  heavyCases: { name: string; directMs: number; sandboxMs: number; ratio: number }[];
}

/** Student code bundled (with "lab") to ESM and imported in the host: the "direct" baseline. */
async function importDirect(code: string, entry: string): Promise<(...a: unknown[]) => unknown> {
  const out = await esbuild.build({
    stdin: { contents: code, loader: "ts", resolveDir: ROOT, sourcefile: "solution.ts" },
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    alias: { lab: path.join(ROOT, "grader", "lab", "lab.ts") },
    logLevel: "silent",
  });
  const url = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString("base64")}`;
  const mod = (await import(url)) as Record<string, (...a: unknown[]) => unknown>;
  return mod[entry];
}

/** A fresh copy of a case's arguments for the direct run: JSON.parse gives packed double arrays, like the isolate's. */
function hostCopy(args: unknown[]): unknown[] {
  let lossless = true; // JSON would turn NaN/±Infinity into null
  const json = JSON.stringify(args, (_k, v: unknown) =>
    typeof v === "number" && !Number.isFinite(v) ? ((lossless = false), v) : v,
  );
  return lossless ? (JSON.parse(json) as unknown[]) : structuredClone(args);
}

async function benchExercise(entry: ExerciseEntry): Promise<PerExercise> {
  return benchCode(entry.spec, fs.readFileSync(path.join(entry.dir, "solution.ts"), "utf8"));
}

async function benchCode(spec: ExerciseSpec, code: string): Promise<PerExercise> {
  const cases = prepareCases(spec, "submit");
  const direct = await importDirect(code, spec.entry);
  const helpers = spec.helpers ?? [];
  const tr = await transpile(code, { helpers });
  if (!tr.ok) throw new Error(`${spec.slug}: solution does not compile`);
  const sb = await Sandbox.create({ memoryMb: spec.limits?.memoryMb });
  const perCaseSandbox: number[][] = cases.map(() => []);
  const perCaseDirect: number[][] = cases.map(() => []);
  const sandboxTotals: number[] = [];
  const directTotals: number[] = [];
  const gradeTotals: number[] = [];
  try {
    const loaded = await sb.load(tr.js, spec.entry, { helpers, timeoutMs: 10_000 });
    if (loaded.kind !== "ok") throw new Error(`${spec.slug}: solution does not load (${loaded.kind})`);
    for (let rep = 0; rep < REPS + 1; rep++) {
      let st = 0;
      let dt = 0;
      for (let i = 0; i < cases.length; i++) {
        // The host gets fresh packed double arrays too (JSON.parse; structuredClone where NaN/±Infinity forbid JSON), so the two runs compare like with like.
        const args = hostCopy(cases[i].args);
        const t0 = performance.now();
        const r = await sb.run(cases[i].packed, 60_000);
        const t1 = performance.now();
        direct(...args);
        const t2 = performance.now();
        if (r.kind !== "ok") throw new Error(`${spec.slug}: case ${cases[i].name.en}: ${r.kind}`);
        if (rep === 0) continue; // warm-up
        perCaseSandbox[i].push(t1 - t0);
        perCaseDirect[i].push(t2 - t1);
        st += t1 - t0;
        dt += t2 - t1;
      }
      if (rep > 0) {
        sandboxTotals.push(st);
        directTotals.push(dt);
      }
    }
  } finally {
    sb.dispose();
  }
  for (let rep = 0; rep < REPS; rep++)
    gradeTotals.push((await grade({ spec, code: `${code}\n// rep ${rep}`, mode: "submit" })).timings.totalMs);
  const heavyCases = cases
    .map((c, i) => ({ name: c.name.en, directMs: median(perCaseDirect[i]), sandboxMs: median(perCaseSandbox[i]) }))
    .filter((c) => c.directMs >= 10)
    .map((c) => ({
      name: c.name,
      directMs: r2(c.directMs),
      sandboxMs: r2(c.sandboxMs),
      ratio: r2(c.sandboxMs / c.directMs),
    }));
  const s = median(sandboxTotals);
  const d = median(directTotals);
  return {
    exercise: spec.slug,
    cases: cases.length,
    sandboxMedianMs: r2(s),
    directMedianMs: r2(d),
    ratio: r2(s / d),
    gradeMedianMs: r2(median(gradeTotals)),
    heavyCases,
  };
}

const emptySpec: ExerciseSpec<[], number> = {
  slug: "bench-empty",
  section: "10.1",
  title: { en: "empty", zh: "空" },
  points: 1,
  entry: "f",
  reference: () => 0,
  output: { kind: "float" },
  visibleCases: () => [{ name: { en: "one", zh: "一" }, args: [] }],
  hiddenCases: () => [],
  misconceptions: [],
};

async function benchFixedCost(n: number) {
  const phases = {
    transpileMs: [] as number[],
    isolateMs: [] as number[],
    runMs: [] as number[],
    compareMs: [] as number[],
    totalMs: [] as number[],
  };
  for (let i = 0; i < n + 10; i++) {
    // a unique comment defeats the transpile cache: every iteration pays for esbuild
    const r = await grade({ spec: emptySpec, code: `export function f() { return 0; } // ${i}`, mode: "run" });
    if (r.score !== 1) throw new Error("fixed-cost probe did not pass");
    if (i < 10) continue;
    for (const k of Object.keys(phases) as (keyof typeof phases)[]) phases[k].push(r.timings[k]);
  }
  return Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, r2(median(v))])) as Record<
    keyof typeof phases,
    number
  >;
}

/**
 * Synthetic cases that take ≥ 10 ms directly (no exercise has such cases): a 260×260
 * matrix product returned as its sum (compute-bound), and a 200×200 product returned
 * whole (40 000 numbers copied out of the isolate and validated).
 */
function syntheticSpec(slug: string, n: number, whole: boolean): ExerciseSpec<[Mat, Mat], number | Mat> {
  return {
    slug,
    section: "10.1",
    title: { en: slug, zh: slug },
    points: 1,
    entry: "f",
    reference: (A, B) => (whole ? matmul(A, B) : sumMat(matmul(A, B))),
    output: { kind: "float", tol: { rtol: 1e-9 } },
    visibleCases: () => [],
    hiddenCases: (rng: Rng) =>
      [0, 1, 2].map((i) => ({
        name: { en: `${n}×${n} #${i}`, zh: `${n}×${n} #${i}` },
        args: [rng.gaussianMat(n, n), rng.gaussianMat(n, n)] as [Mat, Mat],
      })),
    misconceptions: [],
    helpers: ["matmul", "sumMat"],
    limits: { caseTimeMs: 10_000, totalTimeMs: 60_000 },
  };
}

async function benchSynthetic(): Promise<PerExercise[]> {
  return [
    await benchCode(
      syntheticSpec("synthetic-matmul-260-sum", 260, false),
      `import { matmul, sumMat } from "lab";\nexport function f(A: number[][], B: number[][]) { return sumMat(matmul(A, B)); }`,
    ),
    await benchCode(
      syntheticSpec("synthetic-matmul-200-whole", 200, true),
      `import { matmul } from "lab";\nexport function f(A: number[][], B: number[][]) { return matmul(A, B); }`,
    ),
  ];
}

// ---------------------------------------------------------------- queue throughput

async function benchQueue(catalogue: Map<string, ExerciseEntry>) {
  const t = await tempDb("sqlite");
  try {
    const fx = await createQueueFixture(t.db, catalogue);
    const mix = solutionMix(catalogue);
    const jobsOf = (n: number) => Array.from({ length: n }, (_, i) => mix[i % mix.length]);
    const env = { DATABASE_URL: t.url };
    const throughput: Record<string, number> = {};
    const samples: Record<string, number[]> = {};
    for (const workers of [1, 2]) {
      const sup = startSupervisor({ concurrency: workers, env, stdio: "ignore", log: () => {} });
      await sup.ready;
      // warm-up: every exercise once per worker (expected values are cached per worker)
      await drain(t.db, await enqueueMany(t.db, fx, jobsOf(mix.length * workers), `warm${workers}`), 120_000);
      // the median of three drains: one drain on a shared machine can land in a slow second
      const n = quick ? 200 : 400;
      const rates: number[] = [];
      for (let k = 0; k < 3; k++)
        rates.push(n / (await drain(t.db, await enqueueMany(t.db, fx, jobsOf(n), `tp${workers}-${k}`), 300_000)));
      throughput[`workers${workers}`] = r2(median(rates));
      samples[`workers${workers}`] = rates.map(r2);
      if (workers === 2) {
        const jobs = 2000;
        const drainSeconds = await drain(t.db, await enqueueMany(t.db, fx, jobsOf(jobs), "surge"), 300_000);
        const { lost, duplicated } = await lostAndDuplicated(t.db, "surge", jobs);
        await sup.stop();
        return {
          throughputPerSec: throughput as { workers1: number; workers2: number },
          throughputSamplesPerSec: samples,
          surge: { jobs, drainSeconds: r2(drainSeconds), lost, duplicated },
        };
      }
      await sup.stop();
    }
    throw new Error("unreachable");
  } finally {
    await t.cleanup();
  }
}

// ---------------------------------------------------------------- CPU per job by phase

/** The phase profiles side by side: one column per profile, CPU ms per job (wall ms in brackets). */
function printPhases(profiles: PhaseProfile[]): void {
  const col = (s: string) => s.padStart(20);
  console.log(
    `\nCPU per job by phase, one job at a time (ms CPU [ms wall])\n${"phase".padEnd(26)}${profiles.map((p) => col(p.provider)).join("")}`,
  );
  const cell = (cpu: number, wall?: number) =>
    col(wall === undefined ? cpu.toFixed(2) : `${cpu.toFixed(2)} [${wall.toFixed(2)}]`);
  for (const ph of PHASES)
    console.log(`${ph.padEnd(26)}${profiles.map((p) => cell(p.phases[ph].cpuMs, p.phases[ph].wallMs)).join("")}`);
  const rows: [string, (p: PhaseProfile) => number][] = [
    ["worker process, all", (p) => p.processCpuMsPerJob],
    ["  of which background", (p) => r2(p.processCpuMsPerJob - PHASES.reduce((s, ph) => s + p.phases[ph].cpuMs, 0))],
    ["esbuild service process", (p) => p.esbuildCpuMsPerJob],
    ["database server", (p) => p.databaseServerCpuMsPerJob],
    ["total CPU per job", (p) => r2(p.processCpuMsPerJob + p.esbuildCpuMsPerJob + p.databaseServerCpuMsPerJob)],
    ["jobs/s (one at a time)", (p) => p.jobsPerSec],
  ];
  for (const [name, f] of rows) console.log(`${name.padEnd(26)}${profiles.map((p) => cell(f(p))).join("")}`);
}

// ---------------------------------------------------------------- main

const LAST_JSON = path.join(ROOT, "bench", "last.json");

function writeReport(report: Record<string, unknown>): void {
  fs.mkdirSync(path.dirname(LAST_JSON), { recursive: true });
  fs.writeFileSync(LAST_JSON, `${JSON.stringify(report, null, 2)}\n`);
  console.log("wrote bench/last.json");
}

/** `--db postgresql`: the scale-out comparison, merged into the last report. */
async function mainScaleOut(catalogue: Map<string, ExerciseEntry>): Promise<void> {
  const db = process.argv[process.argv.indexOf("--db") + 1];
  if (db !== "postgresql")
    throw new Error(`--db takes "postgresql" (the comparison runs SQLite beside it), got "${db}"`);
  const phases = [
    await phaseProfile("postgresql", catalogue, quick ? 150 : 400),
    await phaseProfile("sqlite", catalogue, quick ? 150 : 400),
  ];
  printPhases(phases);
  const scaleOut = await benchScaleOut(catalogue, { jobs: quick ? 1000 : 5000, idleSeconds: quick ? 5 : 20 });
  const previous = fs.existsSync(LAST_JSON) ? (JSON.parse(fs.readFileSync(LAST_JSON, "utf8")) as object) : {};
  const machine = { cores: os.availableParallelism(), node: process.version, load1: r2(os.loadavg()[0]) };
  console.log(
    `\n${"database".padEnd(10)} workers   jobs  drain s  jobs/s  lost  dup  p50 ms  p99 ms  worker CPU ms/job  db CPU ms/job`,
  );
  for (const [provider, r] of Object.entries(scaleOut))
    for (const f of r.surge)
      console.log(
        `${provider.padEnd(10)} ${String(f.workers).padStart(7)} ${String(f.jobs).padStart(6)} ${f.drainSeconds.toFixed(1).padStart(8)} ${f.jobsPerSec.toFixed(1).padStart(7)} ${String(f.lost).padStart(5)} ${String(f.duplicated).padStart(4)} ${String(f.p50Ms).padStart(7)} ${String(f.p99Ms).padStart(7)} ${f.workerCpuMsPerJob.toFixed(2).padStart(18)} ${f.databaseServerCpuMsPerJob.toFixed(2).padStart(14)}`,
      );
  for (const [provider, r] of Object.entries(scaleOut))
    console.log(
      `${provider} idle: ${r.idle.cpuPercentPerWorker} % of a core per worker over ${r.idle.seconds} s; a new job claimed after ${r.idle.wakeMedianMs} ms (median, worst ${r.idle.wakeMaxMs} ms)`,
    );
  printPhases(phases);
  writeReport({
    ...previous,
    scaleOut: { date: new Date().toISOString(), machine, ...scaleOut, cpuPerJobByPhase: phases },
  });
}

async function main(): Promise<void> {
  await warmSandbox();
  const catalogue = await loadCatalogue();
  for (const [slug, e] of catalogue) if (!fs.existsSync(path.join(e.dir, "solution.ts"))) catalogue.delete(slug);
  console.log(
    `bench: ${catalogue.size} exercises, ${os.availableParallelism()} cores, node ${process.version}${quick ? " (quick)" : ""}`,
  );
  if (process.argv.includes("--db")) {
    await mainScaleOut(catalogue);
    process.exit(0);
  }

  const perExercise: PerExercise[] = [];
  for (const e of catalogue.values()) perExercise.push(await benchExercise(e));
  const synthetic = await benchSynthetic();
  const fixed = await benchFixedCost(quick ? 50 : 300);
  const phases = await phaseProfile("sqlite", catalogue, quick ? 150 : 400);
  const queue = await benchQueue(catalogue);

  const report = {
    date: new Date().toISOString(),
    machine: { cores: os.availableParallelism(), node: process.version, load1: r2(os.loadavg()[0]) },
    perExercise,
    syntheticHeavy: synthetic,
    fixedCostMedianMs: fixed.totalMs,
    fixedCostPhasesMedianMs: fixed,
    cpuPerJobByPhase: phases,
    throughputPerSec: queue.throughputPerSec,
    throughputSamplesPerSec: queue.throughputSamplesPerSec,
    surge: queue.surge,
    targets: {
      fixedCost: fixed.totalMs <= 5,
      heavyCaseRatio: [...perExercise, ...synthetic].every((p) => p.heavyCases.every((c) => c.ratio <= 1.3)),
      workers2: queue.throughputPerSec.workers2 >= 150,
      surge: queue.surge.drainSeconds <= 30 && queue.surge.lost === 0 && queue.surge.duplicated === 0,
    },
  };

  const w = Math.max(...perExercise.map((p) => p.exercise.length));
  console.log(
    `\n${"exercise".padEnd(w)}  cases  sandbox ms  direct ms   ratio  grade ms  heavy cases (≥10 ms direct): ratio`,
  );
  for (const p of [...perExercise, ...synthetic]) {
    const heavy = p.heavyCases.map((c) => `${c.name}: ${c.ratio}`).join("; ");
    console.log(
      `${p.exercise.padEnd(w)}  ${String(p.cases).padStart(5)}  ${p.sandboxMedianMs.toFixed(2).padStart(10)}  ${p.directMedianMs.toFixed(2).padStart(9)}  ${p.ratio.toFixed(2).padStart(6)}  ${p.gradeMedianMs.toFixed(2).padStart(8)}  ${heavy}`,
    );
  }
  console.log(
    `\nfixed cost (empty function, one case): median ${fixed.totalMs} ms = transpile ${fixed.transpileMs} + isolate ${fixed.isolateMs} + run ${fixed.runMs} + compare ${fixed.compareMs} (+ rest)`,
  );
  const tps = queue.throughputSamplesPerSec;
  console.log(
    `throughput (median of 3 drains): ${queue.throughputPerSec.workers1}/s with 1 worker [${tps.workers1.join(", ")}], ${queue.throughputPerSec.workers2}/s with 2 workers [${tps.workers2.join(", ")}]`,
  );
  console.log(
    `surge: ${queue.surge.jobs} jobs drained in ${queue.surge.drainSeconds} s, lost ${queue.surge.lost}, duplicated ${queue.surge.duplicated}`,
  );
  printPhases([phases]);
  console.log(`targets: ${JSON.stringify(report.targets)}`);
  writeReport(report);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
