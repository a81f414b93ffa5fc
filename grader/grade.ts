/**
 * Grades one piece of student code against one exercise: transpile, fresh isolate,
 * each case through the sandbox, compare with the reference in the host, attach hints.
 *
 * Modes: "run" grades the visible cases only (what the Run button shows);
 * "submit" grades visible + hidden cases, and the score is over both.
 * Cases come from `spec.visibleCases(new Rng(seed))` and `spec.hiddenCases(new Rng(seed))`
 * with `seed = gradingSeed(spec)` (from the slug): the same for every student.
 * Expected values are computed once per (exercise, seed) per process and cached.
 */

import { Rng } from "../reference/random";
import { compare } from "./compare";
import { bi, joinBi, type Bilingual } from "./messages";
import {
  BUDGET_EXCEEDED,
  PASSED,
  RAN,
  consoleText,
  loadFailureMessage,
  matchHint,
  modifiedInputMessage,
  variantIn,
  wrongOutputs,
  type HintEvidence,
  type HintMatch,
  type WrongOutput,
  notRunMessage,
  runFailureMessage,
} from "./feedback";
import { packArgs, packBatch, type PackedArgs, type PackedBatch } from "./sandbox/pack";
import {
  DEFAULT_MEMORY_MB,
  MAX_OUTPUT_ELEMENTS,
  SandboxHungError,
  acquireSandbox,
  type RunOutcome,
} from "./sandbox/sandbox";
import { gradingSeed, type Case, type ExerciseSpec, type Limits, type Visibility } from "./spec";
import type { PhaseClock } from "./phaseClock";
import { parameterNames } from "./signature";
import { transpile, type SourcePosition, type TranspileResult } from "./transpile";

/** "try" runs the student's own arguments (the scratchpad): no expected value, no score. */
export type Mode = "run" | "submit" | "try";

export const DEFAULT_LIMITS: Required<Limits> = {
  memoryMb: DEFAULT_MEMORY_MB,
  caseTimeMs: 2000,
  totalTimeMs: 15000,
  outputElements: 1_000_000,
};

/**
 * Once a case has run out of time, each later case gets at most this long (or 20× the slowest case
 * that finished, if more): code stuck in a loop then learns it in seconds, not after the whole budget,
 * and a worker slot is not held for 15 s, while correct code (milliseconds per case) is unaffected.
 */
const AFTER_TIMEOUT_CASE_MS = 200;
/**
 * Output size limits. One output may have at most OUTPUT_CAP_FACTOR × the leaves of the expected one
 * (at least OUTPUT_CAP_MIN; anything larger is the wrong shape anyway), refused inside the isolate
 * before it is copied out; all outputs of one submission together at most `limits.outputElements`.
 */
const OUTPUT_CAP_FACTOR = 10;
const OUTPUT_CAP_MIN = 10_000;
const outputBudgetSpent = (n: number) =>
  bi(
    `the outputs of the earlier cases used up this submission's output budget (${n} elements in all).`,
    `前面用例的输出已用完本次提交的输出额度（总计 ${n} 个元素）。`,
  );
const SHORTENED_LIMIT = bi(
  "An earlier case already ran out of time, so the later cases get a shorter limit.",
  "前面的用例已经超时，因此后面的用例时间限制更短。",
);

export interface CaseTimings {
  /** Whole-submission phases, repeated on each case for convenience. */
  transpileMs: number;
  isolateMs: number;
  /** This case. */
  runMs: number;
  compareMs: number;
}

export interface CaseOutcome {
  name: Bilingual;
  visibility: Visibility;
  /** "ran": a scratchpad run, which has nothing to compare with. */
  status: "passed" | "failed" | "ran";
  score: number;
  max_score: number;
  message: Bilingual;
  /** Set on the failing cases that the result's `hint` explains (its variant differs from the reference here). */
  hintId?: string;
  /** Arguments, expected and actual output: staff-only for hidden cases (see results.ts redactForStudent). */
  input: unknown[];
  expected: unknown;
  actual?: unknown;
  console?: string;
  timings: CaseTimings;
}

export interface GradeResult {
  exercise: string;
  mode: Mode;
  seed: number;
  status: "ok" | "compile_error" | "error";
  score: number;
  maxScore: number;
  /** Summary, or the compile/load error. */
  message: Bilingual;
  /** Where a compile error is, in the student's file. */
  position?: SourcePosition;
  /** A located compile error as fields: 1-based line and column, and the message without the location. */
  compileError?: CompileErrorAt;
  /** The registered misconception the whole run looks like (THE hint rule, feedback.ts `matchHint`), once. */
  hint?: HintMatch;
  cases: CaseOutcome[];
  timings: {
    transpileMs: number;
    isolateMs: number;
    runMs: number;
    compareMs: number;
    totalMs: number;
    /** The isolate's peak memory (Sandbox.heapPeakMb), once it was created. */
    isolateHeapPeakMb?: number;
    /** The worker process's peak resident memory while it graded this job (set by the worker). */
    workerRssPeakMb?: number;
  };
  /** True when the isolate could not be stopped: the calling process should exit after recording. */
  hung?: boolean;
}

export interface CompileErrorAt {
  line: number;
  column: number;
  message: Bilingual;
}

export interface GradeInput {
  spec: ExerciseSpec;
  code: string;
  mode: Mode;
  /** Defaults to gradingSeed(spec). */
  seed?: number;
  /** Mode "try": the student's own arguments (checked by the caller: an array, of bounded size). */
  args?: unknown[];
  /** Overrides on top of the exercise's limits. */
  limits?: Limits;
  /** Lapped at each phase (transpile, isolate, run, compare): the bench's CPU profile. */
  clock?: PhaseClock;
  /** Each case in its own call into the isolate, as after a failed batch (tests compare the two ways). */
  caseByCase?: boolean;
  /** false: the file through esbuild only, without transpile's fast path (tests compare the two). */
  fastPath?: boolean;
}

export { gradingSeed };

// ---------------------------------------------------------------- cases and expected values

export interface PreparedCase {
  name: Bilingual;
  visibility: Visibility;
  args: unknown[];
  expected: unknown;
  maxScore: number;
  /** `args` packed for the sandbox (once per case). */
  packed: PackedArgs;
  /** The most leaves the student's output may have (see OUTPUT_CAP_FACTOR). */
  outputCap: number;
  /** The misconceptions' outputs on this case, computed at the first failing submission and reused. */
  wrong?: WrongOutput[];
}

const prepared = new WeakMap<ExerciseSpec, Map<string, PreparedCase[]>>();

/** The cases of a mode with their expected values (cached per exercise, mode and seed). */
export function prepareCases(spec: ExerciseSpec, mode: Mode, seed = gradingSeed(spec)): PreparedCase[] {
  let bySeed = prepared.get(spec);
  if (!bySeed) prepared.set(spec, (bySeed = new Map<string, PreparedCase[]>()));
  const key = `${mode}:${seed}`;
  const hit = bySeed.get(key);
  if (hit) return hit;
  const hiddenVis = spec.hiddenVisibility ?? "hidden";
  const list: { c: Case; visibility: Visibility }[] = spec
    .visibleCases(new Rng(seed))
    .map((c) => ({ c, visibility: "visible" }));
  if (mode === "submit") for (const c of spec.hiddenCases(new Rng(seed))) list.push({ c, visibility: hiddenVis });
  const totalWeight = list.reduce((s, { c }) => s + (c.weight ?? 1), 0);
  const cases = list.map(({ c, visibility }) => {
    const expected = spec.reference(...structuredClone(c.args)) as unknown;
    return {
      name: c.name,
      visibility,
      args: c.args,
      expected,
      maxScore: (spec.points * (c.weight ?? 1)) / totalWeight,
      packed: packArgs(c.args),
      outputCap: Math.min(MAX_OUTPUT_ELEMENTS, Math.max(OUTPUT_CAP_MIN, OUTPUT_CAP_FACTOR * leafCount(expected))),
    };
  });
  bySeed.set(key, cases);
  return cases;
}

const TRY_CASE_NAME = bi("Your arguments", "你的参数");

/** The scratchpad's one case: the student's arguments, with nothing to compare against. */
function tryCase(args: unknown[], outputElements: number): PreparedCase {
  return {
    name: TRY_CASE_NAME,
    visibility: "visible",
    args,
    expected: undefined,
    maxScore: 0,
    packed: packArgs(args),
    outputCap: Math.min(MAX_OUTPUT_ELEMENTS, outputElements),
  };
}

// ---------------------------------------------------------------- grading

export async function grade(input: GradeInput): Promise<GradeResult> {
  const t0 = performance.now();
  const { spec, code, mode, clock } = input;
  const seed = input.seed ?? gradingSeed(spec);
  const limits: Required<Limits> = { ...DEFAULT_LIMITS, ...spec.limits, ...input.limits };
  const cases = mode === "try" ? [tryCase(input.args ?? [], limits.outputElements)] : prepareCases(spec, mode, seed);
  const maxScore = round9(cases.reduce((s, c) => s + c.maxScore, 0));
  const timings: GradeResult["timings"] = { transpileMs: 0, isolateMs: 0, runMs: 0, compareMs: 0, totalMs: 0 };
  const helpers = spec.helpers ?? [];

  const base = { exercise: spec.slug, mode, seed, maxScore };
  const allFailed = (
    message: Bilingual,
    status: GradeResult["status"],
    extra: Partial<GradeResult> = {},
  ): GradeResult => {
    timings.totalMs = performance.now() - t0;
    const reason = notRunMessage(
      status === "compile_error" ? bi("the code did not compile.", "代码未能通过编译。") : message,
    );
    return {
      ...base,
      status,
      score: 0,
      message,
      cases: cases.map((c) =>
        caseRow(c, { status: "failed", score: 0, message: reason, timings: { ...timings, runMs: 0, compareMs: 0 } }),
      ),
      timings,
      ...extra,
    };
  };

  const tr = await transpile(code, { helpers, fastPath: input.fastPath });
  timings.transpileMs = tr.ms;
  clock?.lap("transpile");
  const compileFailed = (failed: Extract<TranspileResult, { ok: false }>) =>
    allFailed(failed.message, "compile_error", {
      position: failed.position,
      compileError: failed.position && {
        line: failed.position.line,
        column: failed.position.column,
        message: failed.detail ?? failed.message,
      },
    });
  if (!tr.ok) return compileFailed(tr);
  let program = tr;

  const tIso = performance.now();
  let hung = false;
  let sandbox = await acquireSandbox(limits.memoryMb);
  const load = () =>
    sandbox.load(program.js, spec.entry, {
      helpers,
      timeoutMs: limits.caseTimeMs,
      sourceMap: program.sourceMap,
      moduleCheck: program.fast?.moduleSource,
    });
  /** The program again in a fresh isolate (after a fallback: the old one may hold the failed attempt's state). */
  const reload = async () => {
    sandbox.dispose();
    sandbox = await acquireSandbox(limits.memoryMb);
    return load();
  };
  try {
    let loaded = await load();
    if ((loaded.kind === "syntax" || loaded.kind === "threw" || loaded.kind === "no_entry") && program.fast) {
      // The fast path's output did not pass the check or load: esbuild's verdict on the file stands (transpile.ts).
      const reference = await program.fast.byEsbuild();
      timings.transpileMs += reference.ms;
      if (!reference.ok) return compileFailed(reference);
      program = reference;
      loaded = await reload();
    }
    timings.isolateMs = performance.now() - tIso;
    clock?.lap("isolate");

    // Every case in one call when it can be (see batchOf). If that call fails as a whole, which case
    // failed is unknown: the cases are graded one by one in a fresh isolate, and the batch's time is
    // not charged to the submission's time budget.
    let batched: (RunOutcome & { ms: number })[] | undefined;
    let budgetFrom = t0;
    const batch = loaded.kind === "ok" && !input.caseByCase ? batchOf(cases, limits) : undefined;
    if (batch) {
      const tRun = performance.now();
      const timeout = Math.max(1, Math.min(limits.caseTimeMs, Math.floor(limits.totalTimeMs - (tRun - t0))));
      const all = await sandbox.runAll(batch, timeout);
      clock?.lap("run");
      if (all.kind === "ok") {
        batched = all.outcomes;
        timings.runMs = performance.now() - tRun;
      } else {
        loaded = await reload();
        budgetFrom = performance.now();
        clock?.lap("isolate");
      }
    }
    if (loaded.kind !== "ok") {
      const msg = loadFailureMessage(loaded, spec.entry, limits);
      return allFailed(msg, loaded.kind === "syntax" ? "compile_error" : "error");
    }

    const out: CaseOutcome[] = [];
    let stopped: Bilingual | undefined;
    let outputLeft = limits.outputElements;
    let timedOut = false;
    let slowestFinishedMs = 0;
    // Per case, the output the hint rule may compare: a plain value from a call that left its inputs alone.
    const returned: ({ value: unknown } | undefined)[] = [];
    for (const [i, c] of cases.entries()) {
      const caseTimings = { transpileMs: timings.transpileMs, isolateMs: timings.isolateMs, runMs: 0, compareMs: 0 };
      const remaining = limits.totalTimeMs - (performance.now() - budgetFrom);
      if (stopped || remaining <= 0) {
        stopped ??= BUDGET_EXCEEDED;
        out.push(caseRow(c, { status: "failed", score: 0, message: notRunMessage(stopped), timings: caseTimings }));
        continue;
      }
      // isolated-vm takes whole milliseconds only; a fractional limit is a host error, not the student's.
      const caseLimit = timedOut
        ? Math.min(limits.caseTimeMs, Math.max(AFTER_TIMEOUT_CASE_MS, Math.ceil(20 * slowestFinishedMs)))
        : limits.caseTimeMs;
      const timeout = Math.max(1, Math.min(caseLimit, Math.floor(remaining)));
      const tRun = performance.now();
      const cap = Math.min(c.outputCap, outputLeft);
      const r = batched ? batched[i] : await sandbox.run(c.packed, timeout, cap);
      clock?.lap("run");
      if (r.kind === "ok") outputLeft -= r.elements;
      else if (r.kind === "bad_output" && cap < c.outputCap) stopped = outputBudgetSpent(limits.outputElements);
      caseTimings.runMs = batched ? batched[i].ms : performance.now() - tRun;
      if (r.kind === "timeout") timedOut = true;
      else slowestFinishedMs = Math.max(slowestFinishedMs, caseTimings.runMs);
      const shownConsole = c.visibility === "visible" ? consoleText(r.console) : undefined;
      const tCmp = performance.now();
      let row: CaseOutcome;
      if (r.kind === "ok" && r.changedInput && !spec.inputsMayChange) {
        const { arg, path } = r.changedInput;
        const name = parameterNames(spec.reference.toString())[arg] ?? `argument ${arg + 1}`;
        row = caseRow(c, {
          status: "failed",
          score: 0,
          message: modifiedInputMessage({ name, path }, c.visibility === "visible"),
          actual: r.value,
          console: shownConsole,
          timings: caseTimings,
        });
      } else if (r.kind === "ok" && mode === "try") {
        row = caseRow(c, {
          status: "ran",
          score: 0,
          message: RAN,
          actual: r.value,
          console: shownConsole,
          timings: caseTimings,
        });
      } else if (r.kind === "ok") {
        returned[out.length] = { value: r.value };
        // Hidden cases get messages that quote no expected values (they reach the student).
        const cmp = compare(c.expected, r.value, spec.output, { reveal: c.visibility === "visible" });
        if (cmp.pass) {
          row = caseRow(c, {
            status: "passed",
            score: c.maxScore,
            message: PASSED,
            actual: r.value,
            console: shownConsole,
            timings: caseTimings,
          });
        } else {
          row = caseRow(c, {
            status: "failed",
            score: 0,
            message: cmp.message,
            actual: r.value,
            console: shownConsole,
            timings: caseTimings,
          });
        }
      } else {
        const shownLimits = { caseTimeMs: timeout, memoryMb: limits.memoryMb };
        let message = runFailureMessage(r, shownLimits, c.visibility === "visible");
        if (r.kind === "timeout" && caseLimit < limits.caseTimeMs && c.visibility === "visible")
          message = joinBi([message, SHORTENED_LIMIT]);
        row = caseRow(c, { status: "failed", score: 0, message, console: shownConsole, timings: caseTimings });
        if (r.kind === "memory")
          stopped = bi(
            "the sandbox was stopped by the memory limit in an earlier case.",
            "沙箱在前面的用例中因超出内存限制而被终止。",
          );
        if (r.kind === "stopped")
          stopped = bi(
            "the sandbox was stopped in an earlier case (code kept running after the time limit).",
            "沙箱在前面的用例中被终止（代码在时间限制之后仍在运行）。",
          );
      }
      caseTimings.compareMs = performance.now() - tCmp;
      clock?.lap("compare");
      if (!batched) timings.runMs += caseTimings.runMs;
      timings.compareMs += caseTimings.compareMs;
      out.push(row);
    }
    const tHint = performance.now();
    // a scratchpad run has no reference output, so nothing to match a variant against
    const hint = mode === "try" ? undefined : hintOf(spec, cases, out, returned);
    timings.compareMs += performance.now() - tHint;
    clock?.lap("compare");
    const score = round9(out.reduce((s, c) => s + c.score, 0));
    const passed = out.filter((c) => c.status === "passed").length;
    timings.totalMs = performance.now() - t0;
    return {
      ...base,
      status: "ok",
      score,
      message:
        mode === "try"
          ? out[0].message
          : bi(`${passed} of ${out.length} cases passed.`, `${out.length} 个用例中通过了 ${passed} 个。`),
      cases: out,
      timings,
      ...(hint ? { hint } : {}),
    };
  } catch (err) {
    if (err instanceof SandboxHungError) {
      hung = true;
      return allFailed(
        bi(
          "Time limit exceeded and the sandbox could not be interrupted; it was stopped. Look for an infinite loop.",
          "超出时间限制，且沙箱无法被中断，已被强制终止。请检查是否有死循环。",
        ),
        "error",
        { hung: true },
      );
    }
    throw err;
  } finally {
    timings.isolateHeapPeakMb = sandbox.heapPeakMb();
    // A hung isolate is left alone: disposing it could block; the worker process exits instead.
    if (!hung) sandbox.dispose();
    clock?.lap("isolate");
  }
}

const batches = new WeakMap<PreparedCase[], Map<number, PackedBatch | null>>();

/**
 * The cases packed for one call (Sandbox.runAll), or undefined where they must go one by one: a
 * single case (a looping one would pay its time limit twice), or outputs that could together pass
 * the submission's output budget (checked between cases only). Cached per case list and budget.
 */
function batchOf(cases: PreparedCase[], limits: Required<Limits>): PackedBatch | undefined {
  if (cases.length < 2) return undefined;
  let byBudget = batches.get(cases);
  if (!byBudget) batches.set(cases, (byBudget = new Map<number, PackedBatch | null>()));
  let batch = byBudget.get(limits.outputElements);
  if (batch === undefined) {
    const caps = cases.map((c) => ({ packed: c.packed, cap: Math.min(c.outputCap, limits.outputElements) }));
    batch = caps.reduce((n, c) => n + c.cap, 0) <= limits.outputElements ? packBatch(caps) : null;
    byBudget.set(limits.outputElements, batch);
  }
  return batch ?? undefined;
}

/**
 * The hint of a graded run (THE rule: feedback.ts `matchHint`), marking the failing cases it explains.
 * The variants run only when something failed, once per prepared case (cached across submissions).
 */
function hintOf(
  spec: ExerciseSpec,
  cases: PreparedCase[],
  rows: CaseOutcome[],
  returned: readonly ({ value: unknown } | undefined)[],
): HintMatch | undefined {
  if (spec.misconceptions.length === 0 || rows.every((r) => r.status === "passed")) return undefined;
  const seen: HintEvidence[] = cases.map((c, i) => {
    c.wrong ??= wrongOutputs(spec.misconceptions, c.args, spec.output, c.expected);
    return { variant: variantIn(c.wrong), passed: rows[i].status === "passed", actual: returned[i] };
  });
  const hint = matchHint(spec.misconceptions, seen, spec.output);
  if (hint)
    rows.forEach((r, i) => {
      if (r.status === "failed" && cases[i].wrong!.some((w) => w.misconception.id === hint.id)) r.hintId = hint.id;
    });
  return hint;
}

/** Leaves of a plain value: numbers, strings, booleans and nulls in its arrays and objects. */
function leafCount(x: unknown): number {
  if (Array.isArray(x)) return x.reduce((n: number, v) => n + leafCount(v), 0);
  if (x !== null && typeof x === "object") return Object.values(x).reduce((n: number, v) => n + leafCount(v), 0);
  return 1;
}

/** Sums of fractional case scores, rounded so that full marks equal the points exactly. */
function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

function caseRow(
  c: PreparedCase,
  r: Omit<CaseOutcome, "name" | "visibility" | "max_score" | "input" | "expected">,
): CaseOutcome {
  return { name: c.name, visibility: c.visibility, max_score: c.maxScore, input: c.args, expected: c.expected, ...r };
}
