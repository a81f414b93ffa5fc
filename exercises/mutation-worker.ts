/**
 * The worker side of the mutation analysis (exercises/mutation.ts bundles it with the exercise and an
 * instrumented copy of reference/). It runs the mutated reference as the student on the cases the host
 * sends, against the expected outputs the host computed with the unmutated reference, and reports one
 * message per mutant. The host times each mutant and terminates this worker when one runs too long.
 */

import { parentPort, workerData } from "node:worker_threads";
// Resolved by the bundler to the exercise's exercise.ts, whose reference/ imports are the instrumented copies.
import spec from "gibbs:exercise";
import { compare } from "../grader/compare";
import { toJson } from "../grader/json";
import type { OutputSchema } from "../grader/spec";

/**
 * What the host sends: the cases' arguments, expected outputs and output schema (the spec as the host has it),
 * and the mutants already decided. Only the reference comes from the bundled exercise.ts.
 */
export interface MutationJob {
  args: unknown[][];
  expected: unknown[];
  output: OutputSchema;
  done: string[];
  /** Mutant id → its file, to tell which files the reference executes. */
  fileOf: Record<string, string>;
}

/** What the worker reports, in this order: the baseline, then a start and a result per mutant, then done. */
export type MutationMessage =
  | { kind: "baseline"; failed: number[]; ms: number; covered: string[] }
  | { kind: "start"; id: string }
  | { kind: "result"; id: string; killedBy?: number }
  | { kind: "done" };

/** Stryker's run-time switch board (the instrumenter's generated header reads and fills it). */
interface StrykerGlobal {
  activeMutant?: string;
  currentTestId?: string;
  mutantCoverage?: { static: Record<string, number>; perTest: Record<string, Record<string, number>> };
}

const job = workerData as MutationJob;
const stryker = ((globalThis as { __stryker__?: StrykerGlobal }).__stryker__ ??= {});
const post = (m: MutationMessage) => parentPort!.postMessage(m);

/** Whether case i passes as the grader would judge it: no throw, inputs unchanged, output within tolerance. */
function passes(i: number): boolean {
  const args = structuredClone(job.args[i]);
  const before = toJson(args);
  let out: unknown;
  try {
    out = spec.reference(...args);
  } catch {
    return false;
  }
  if (toJson(args) !== before) return false;
  return compare(job.expected[i], out, job.output, { verdictOnly: true }).pass;
}

const cases = job.args.map((_, i) => i);
const t0 = performance.now();
const failed = cases.filter((i) => {
  stryker.currentTestId = String(i);
  return !passes(i);
});
const ms = performance.now() - t0;
stryker.currentTestId = undefined;
const coverage = stryker.mutantCoverage ?? { static: {}, perTest: {} };
const casesOf = new Map<string, number[]>();
for (const [test, ids] of Object.entries(coverage.perTest))
  for (const id of Object.keys(ids)) casesOf.set(id, [...(casesOf.get(id) ?? []), Number(test)]);
// A mutant covered only while the modules loaded (a top-level constant) can change any case, so it runs on
// all of them, but only in a file whose functions the cases execute (not e.g. random.ts, used by the cases).
const executed = new Set([...casesOf.keys()].map((id) => job.fileOf[id]));
for (const id of Object.keys(coverage.static))
  if (!casesOf.has(id) && executed.has(job.fileOf[id])) casesOf.set(id, cases);
post({ kind: "baseline", failed, ms, covered: [...casesOf.keys()] });

const done = new Set(job.done);
if (failed.length === 0)
  for (const [id, covering] of casesOf) {
    if (done.has(id)) continue;
    post({ kind: "start", id });
    stryker.activeMutant = id;
    const killedBy = covering.find((i) => !passes(i));
    stryker.activeMutant = undefined;
    post({ kind: "result", id, killedBy });
  }
post({ kind: "done" });
