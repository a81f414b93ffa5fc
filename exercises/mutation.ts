/**
 * Automatic mutation analysis of the reference (issue 12 item 2). StrykerJS's instrumenter
 * (@stryker-mutator/instrumenter, the engine of the maintained JavaScript mutation tester) places every
 * mutant of the files in reference/ into one instrumented copy, switched at run time by
 * `globalThis.__stryker__.activeMutant`. The exercise is bundled (esbuild) against that copy and run in a
 * worker thread (exercises/mutation-worker.ts): the mutated reference plays the student on the exercise's
 * visible and hidden cases at the grading seed, and the expected outputs come from the unmutated reference
 * in this process, judged by the grader's compare routine. A mutant is killed when some case fails, throws,
 * writes into its inputs or runs past the time limit (the worker is terminated and restarted). Only mutants
 * whose code runs on the cases count (Stryker's per-case coverage). Survivors must be killed by a new hidden
 * case or declared in the spec's `equivalentMutants` with a reason.
 *
 * Results are cached by a content hash of reference/, the exercise folder and the code that judges them,
 * under node_modules/.cache/gibbs-mutation/, so exercises:check reruns an exercise only after a change.
 */

import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { Instrumenter } from "@stryker-mutator/instrumenter";
import * as esbuild from "esbuild";
import { gradingSeed } from "../grader/grade";
import { toJson } from "../grader/json";
import { Rng } from "../reference/random";
import type { EquivalentMutant } from "../reference/misconceptions/types";
import type { ExerciseEntry } from "./catalogue";
import { validationIgnorer } from "./validation-ignorer";
import type { MutantRow, MutationReport } from "./report";
import type { MutationJob, MutationMessage } from "./mutation-worker";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CACHE_DIR = path.join(ROOT, "node_modules", ".cache", "gibbs-mutation");
/** The code whose change changes a verdict; part of the cache key with the reference and the exercise. */
const JUDGES = [
  "exercises/mutation.ts",
  "exercises/mutation-worker.ts",
  "exercises/validation-ignorer.ts",
  "grader/compare.ts",
  "grader/json.ts",
];
const INSTRUMENTER_VERSION = (
  createRequire(import.meta.url)("@stryker-mutator/instrumenter/package.json") as { version: string }
).version;

/** A mutant may take this many times the unmutated run of all cases (and at least MIN_LIMIT_MS) before it counts as killed. */
export const TIME_FACTOR = 20;
export const MIN_LIMIT_MS = 2000;

export interface MutationOptions {
  /** The folder whose top-level .ts files are mutated; reference/ by default (tests plant their own). */
  referenceDir?: string;
  /** Skip the cache (tests). */
  fresh?: boolean;
}

/** The files that are mutated: every .ts directly in the reference folder (not misconceptions/ or cases/). */
function mutatedFiles(referenceDir: string): string[] {
  return fs
    .readdirSync(referenceDir)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => path.join(referenceDir, f));
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith(".ts"))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

/** The cases the mutants run on: visible and hidden at the grading seed, with the unmutated reference's outputs. */
interface Judged {
  names: string[];
  args: unknown[][];
  expected: unknown[];
}

function judged(entry: ExerciseEntry): Judged {
  const { spec } = entry;
  const seed = gradingSeed(spec);
  const cases = [...spec.visibleCases(new Rng(seed)), ...spec.hiddenCases(new Rng(seed))];
  const args = cases.map((c): unknown[] => c.args);
  const expected = args.map((a): unknown => spec.reference(...structuredClone(a)));
  return { names: cases.map((c) => c.name.en), args, expected };
}

/**
 * Content hash of everything a verdict depends on: reference/, the exercise folder (its exercise.ts is what the
 * worker bundles), the judging code, and the cases and output schema themselves (a spec changed in memory, as
 * tests do, gets its own entry).
 */
export function mutationHash(entry: ExerciseEntry, referenceDir: string, cases: Judged): string {
  const h = crypto.createHash("sha256").update(`instrumenter ${INSTRUMENTER_VERSION}\n`);
  for (const f of [...filesUnder(referenceDir), ...filesUnder(entry.dir), ...JUDGES.map((j) => path.join(ROOT, j))])
    h.update(`${path.relative(ROOT, f)}\n`).update(fs.readFileSync(f));
  h.update(toJson({ args: cases.args, expected: cases.expected, output: entry.spec.output }));
  return h.digest("hex").slice(0, 16);
}

/** A logger for the instrumenter that says nothing: the report carries what matters. */
export const quiet = (): ConstructorParameters<typeof Instrumenter>[0] => {
  const no = () => false;
  const skip = () => {};
  return {
    isTraceEnabled: no,
    isDebugEnabled: no,
    isInfoEnabled: no,
    isWarnEnabled: no,
    isErrorEnabled: no,
    isFatalEnabled: no,
    trace: skip,
    debug: skip,
    info: skip,
    warn: skip,
    error: skip,
    fatal: skip,
  };
};

interface Instrumented {
  /** Absolute path → instrumented source. */
  files: Map<string, string>;
  /** Mutant id → where and what, `at` as "reference/file.ts:line:column" (1-based). */
  mutants: Map<string, Omit<MutantRow, "status">>;
  /** Mutants the instrumenter left out as input validation (exercises/validation-ignorer.ts). */
  ignored: number;
}

const instrumented = new Map<string, Promise<Instrumented>>();

/** Instruments the reference folder once per process and folder content. */
function instrument(referenceDir: string): Promise<Instrumented> {
  const files = mutatedFiles(referenceDir);
  const key = crypto.createHash("sha256");
  for (const f of files) key.update(f).update(fs.readFileSync(f));
  const k = key.digest("hex");
  let p = instrumented.get(k);
  if (!p) {
    p = (async () => {
      const r = await new Instrumenter(quiet()).instrument(
        files.map((f) => ({ name: f, content: fs.readFileSync(f, "utf8"), mutate: true })),
        { plugins: null, excludedMutations: [], ignorers: [validationIgnorer] },
      );
      return {
        files: new Map(r.files.map((f) => [path.resolve(f.name), f.content])),
        ignored: r.mutants.filter((m) => m.status === "Ignored").length,
        mutants: new Map(
          r.mutants
            .filter((m) => m.status !== "Ignored")
            .map((m) => [
              m.id,
              {
                at: `${path.relative(ROOT, m.fileName)}:${m.location.start.line + 1}:${m.location.start.column + 1}`,
                mutator: m.mutatorName,
                replacement: m.replacement.replace(/\s+/g, " ").slice(0, 80),
              },
            ]),
        ),
      };
    })();
    instrumented.set(k, p);
  }
  return p;
}

/** exercises/mutation-worker.ts bundled with the exercise, its reference/ imports replaced by the instrumented copies. */
async function bundle(entry: ExerciseEntry, inst: Instrumented): Promise<string> {
  const r = await esbuild.build({
    entryPoints: [path.join(ROOT, "exercises", "mutation-worker.ts")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    target: "node24",
    packages: "external",
    logLevel: "silent",
    plugins: [
      {
        name: "gibbs-mutation",
        setup(build) {
          build.onResolve({ filter: /^gibbs:exercise$/ }, () => ({ path: path.join(entry.dir, "exercise.ts") }));
          build.onLoad({ filter: /\.ts$/ }, (a) => {
            const text = inst.files.get(path.resolve(a.path));
            return text === undefined ? undefined : { contents: text, loader: "ts", resolveDir: path.dirname(a.path) };
          });
        },
      },
    ],
  });
  const text = r.outputFiles[0].text;
  const file = path.join(
    CACHE_DIR,
    `${entry.folder}.${crypto.createHash("sha256").update(text).digest("hex").slice(0, 12)}.worker.mjs`,
  );
  writeAtomically(file, text);
  return file;
}

/** Writes through a temporary file and a rename, so a concurrent check never reads half a file. */
function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** Raw outcomes before the spec's equivalence declarations are applied (what the cache holds). */
interface Outcomes {
  hash: string;
  cases: number;
  /** Mutants in the instrumented files that no case executes. */
  notCovered: number;
  /** Mutants of input validation, never generated (exercises/validation-ignorer.ts). */
  ignored: number;
  rows: MutantRow[];
  ms: number;
  /** Set when the analysis could not run (the unmutated instrumented reference failed a case, or the bundle broke). */
  error?: string;
}

/** Runs every covered mutant; a mutant past its time limit is killed, and the worker restarts after it. */
async function runMutants(entry: ExerciseEntry, referenceDir: string, cases: Judged, hash: string): Promise<Outcomes> {
  const t0 = performance.now();
  const { args, expected } = cases;
  const inst = await instrument(referenceDir);
  const file = await bundle(entry, inst);
  const fileOf = Object.fromEntries([...inst.mutants].map(([id, m]) => [id, m.at.replace(/:\d+:\d+$/, "")]));
  const verdicts = new Map<string, MutantRow["status"]>();
  let covered: string[] = [];
  let error: string | undefined;
  for (;;) {
    const ended = await new Promise<"done" | "restart" | "failed">((resolve) => {
      const job: MutationJob = { args, expected, output: entry.spec.output, done: [...verdicts.keys()], fileOf };
      // The bundle is plain JavaScript: the parent's flags (tsx, --no-node-snapshot) are not for it. A mutant
      // that allocates without end exhausts the worker's own heap, not this process's.
      const worker = new Worker(file, {
        workerData: job,
        execArgv: [],
        resourceLimits: { maxOldGenerationSizeMb: 512 },
      });
      let timer: NodeJS.Timeout | undefined;
      let limit = MIN_LIMIT_MS;
      let running: string | undefined;
      let settled = false;
      const settle = (how: "done" | "restart" | "failed") => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate().then(() => resolve(how));
      };
      worker.on("message", (m: MutationMessage) => {
        if (m.kind === "baseline") {
          covered = m.covered;
          limit = Math.max(MIN_LIMIT_MS, TIME_FACTOR * m.ms);
          if (m.failed.length)
            error = `the instrumented reference with no mutant active fails case(s) ${m.failed.map((i) => cases.names[i]).join(", ")}`;
        } else if (m.kind === "start") {
          running = m.id;
          timer = setTimeout(() => {
            verdicts.set(m.id, "timeout");
            settle("restart");
          }, limit);
        } else if (m.kind === "result") {
          clearTimeout(timer);
          running = undefined;
          verdicts.set(m.id, m.killedBy === undefined ? "survived" : "killed");
        } else settle("done");
      });
      // A mutant that crashes the worker itself (e.g. exhausts its heap) is killed as well.
      const crashed = (why: string) => {
        if (settled) return;
        if (running) verdicts.set(running, "killed");
        else error = `the mutation worker failed: ${why}`;
        settle(running ? "restart" : "failed");
      };
      worker.on("error", (err) => crashed(err.message));
      worker.on("exit", (code) => crashed(`it exited with code ${code}`));
    });
    if (ended !== "restart") break;
  }
  const rows = covered
    .map((id) => ({ id, ...inst.mutants.get(id)!, status: verdicts.get(id) ?? "survived" }))
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map(({ id: _, ...row }) => row);
  const inFiles = [...inst.mutants.values()].length;
  return {
    hash,
    cases: args.length,
    notCovered: inFiles - rows.length,
    ignored: inst.ignored,
    rows,
    ms: performance.now() - t0,
    error,
  };
}

/** The spec's declaration that matches a survivor: same place and mutator (and replacement, when declared). */
function declared(row: MutantRow, list: readonly EquivalentMutant[]): EquivalentMutant | undefined {
  return list.find(
    (e) =>
      e.at === row.at &&
      e.mutator === row.mutator &&
      (e.replacement === undefined || e.replacement === row.replacement),
  );
}

/** The mutation report of one exercise, from the cache when nothing it depends on changed. */
export async function analyseMutants(entry: ExerciseEntry, opts: MutationOptions = {}): Promise<MutationReport> {
  const t0 = performance.now();
  const referenceDir = opts.referenceDir ?? path.join(ROOT, "reference");
  const cases = judged(entry);
  const hash = mutationHash(entry, referenceDir, cases);
  const cacheFile = path.join(CACHE_DIR, `${entry.folder}.json`);
  let outcomes: Outcomes | undefined;
  let cached = false;
  if (!opts.fresh && fs.existsSync(cacheFile)) {
    const stored = JSON.parse(fs.readFileSync(cacheFile, "utf8")) as Outcomes;
    if (stored.hash === hash && !stored.error) [outcomes, cached] = [stored, true];
  }
  if (!outcomes) {
    outcomes = await runMutants(entry, referenceDir, cases, hash);
    writeAtomically(cacheFile, JSON.stringify(outcomes));
  }
  const equivalents = entry.spec.equivalentMutants ?? [];
  const rows = outcomes.rows.map((r) => {
    const e = r.status === "survived" ? declared(r, equivalents) : undefined;
    return e ? { ...r, status: "equivalent" as const, reason: e.reason } : r;
  });
  const count = (s: MutantRow["status"]) => rows.filter((r) => r.status === s).length;
  const unused = equivalents.filter((e) => !rows.some((r) => r.status === "equivalent" && declared(r, [e])));
  return {
    hash,
    cached,
    cases: outcomes.cases,
    mutants: rows.length,
    killed: count("killed") + count("timeout"),
    rows,
    notCovered: outcomes.notCovered,
    ignored: outcomes.ignored,
    staleEquivalents: unused.map((e) => `${e.at} ${e.mutator}${e.replacement ? ` ${e.replacement}` : ""}`),
    runMs: outcomes.ms,
    ms: performance.now() - t0,
    error: outcomes.error,
  };
}
