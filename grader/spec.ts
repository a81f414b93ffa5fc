/**
 * The typed exercise spec. Every `exercises/<section>-<slug>/exercise.ts`
 * default-exports `defineExercise({...})`. The grader, the checker, the sync
 * script and the UI read exercises only through this type.
 */

import { seedFromString, type Rng } from "../reference/random";
import type { Bilingual, EquivalentMutant, Misconception, NaiveVariant } from "../reference/misconceptions/types";

import type { Section } from "./sections";

export type { Bilingual, EquivalentMutant, Misconception, NaiveVariant, Section };

/** Who sees a case's inputs and expected output (Gradescope's vocabulary). */
export type Visibility = "visible" | "hidden" | "after_due_date";

/** Elementwise `|actual − expected| ≤ atol + rtol·|expected|` (DOMAIN.md "Comparing numbers"). */
export interface Tolerance {
  atol: number;
  rtol: number;
}

/**
 * A float64 tolerance (DOMAIN.md "Comparing numbers"): float32 rounding (relative up to 6e-8) fails it by far,
 * while correct solutions in other styles (solution.ts, tests/grader/styles.test.ts) use under a hundredth of it
 * (exercises:check reports each exercise's headroom).
 */
export const DEFAULT_TOLERANCE: Tolerance = { atol: 1e-11, rtol: 1e-10 };

/**
 * How an output is compared. The shape always comes from the expected value.
 * - `float`: numbers, vectors or matrices, within a tolerance (default DEFAULT_TOLERANCE);
 * - `exact`: binary states, integers, booleans and strings, compared exactly;
 * - `record`: a plain object, compared field by field (extra or missing fields are reported).
 */
export type OutputSchema =
  | { kind: "float"; tol?: Partial<Tolerance> }
  | { kind: "exact" }
  | { kind: "record"; fields: Record<string, OutputSchema> };

/** One test case: the arguments passed to the student's entry function, in order. */
export interface Case<Args extends unknown[] = unknown[]> {
  /** Short and readable in both languages, unique within the exercise, e.g. { en: "single sample", zh: "单个样本" }. */
  name: Bilingual;
  args: Args;
  /** Relative weight in the score; default 1. */
  weight?: number;
}

/** Resource limits of one grading; omitted fields take the grader's defaults. */
export interface Limits {
  /** Isolate heap limit, MB (default 64). */
  memoryMb?: number;
  /** Time limit per case, ms. */
  caseTimeMs?: number;
  /** Wall-clock budget for the whole submission, ms. */
  totalTimeMs?: number;
  /** Leaves (numbers, strings, …) of all the outputs of one submission together. */
  outputElements?: number;
}

/** A name the "lab" helper module exports (grader/lab/lab.ts). */
export type LabHelper = keyof typeof import("./lab/lab");

/** The plain vector and matrix helpers of "lab": most exercises allow them (plus the exercise's own few). */
export const LINEAR_ALGEBRA = [
  "zeros",
  "zerosMat",
  "copyMat",
  "shape",
  "dot",
  "matmul",
  "matvec",
  "vecmat",
  "transpose",
  "outer",
  "add",
  "sub",
  "scale",
  "hadamard",
  "addMat",
  "subMat",
  "scaleMat",
  "hadamardMat",
  "mapMat",
  "addRow",
  "sumRows",
  "sum",
  "sumMat",
  "sumSquares",
] as const satisfies readonly LabHelper[];

/**
 * What an author writes in `exercises/<section>-<slug>/exercise.ts` (see exercises/README.md).
 * The slug and section come from the folder name, the editor's declaration from `reference`'s
 * type, and the prompt's footer (tolerances, helpers, inputs) from `output` and `helpers`.
 */
export interface ExerciseDefinition<Args extends unknown[] = any[], Out = any> {
  title: Bilingual;
  points: number;
  /** Name of the function the student exports, e.g. "cd1". */
  entry: string;
  /** Doc comment of the entry function in the editor's declaration: shapes and conventions (exercises:check requires it). */
  doc?: string;
  /** The reference implementation from reference/, run in the host. Its parameter names and types are the student's. */
  reference: (...args: Args) => Out;
  output: OutputSchema;
  /** Visible cases (shown in full, used by Run). Small enough to read. */
  visibleCases: (rng: Rng) => Case<Args>[];
  /** Hidden cases (used by Submit), including edge cases. */
  hiddenCases: (rng: Rng) => Case<Args>[];
  /** Visibility of the hidden cases' details after grading; default "hidden". */
  hiddenVisibility?: Extract<Visibility, "hidden" | "after_due_date">;
  /** Wrong variants the grader recognises: the reference function's table from reference/misconceptions/. */
  misconceptions: Misconception<Args, Out>[];
  /**
   * Textbook-naive forms that a prompt's claim about large, saturating or boundary inputs rules out (from
   * reference/misconceptions/): exercises:check requires a hidden case to break each, with no hint given.
   */
  naiveVariants?: NaiveVariant<Args, Out>[];
  /**
   * Mutants of the reference that no valid input of this exercise can tell apart from it (groups from
   * reference/misconceptions/, next to the tables): the mutation analysis in exercises:check counts them out of
   * the score and shows the reason.
   */
  equivalentMutants?: EquivalentMutant[];
  /**
   * The contract lets the function update its arguments in place (the prompt must say so). By default
   * inputs are read-only: a call that changes one fails its case (DOMAIN.md "Comparing numbers").
   */
  inputsMayChange?: boolean;
  /** What the student may import from "lab"; nothing when omitted. Never a helper that solves this exercise. */
  helpers?: LabHelper[];
  limits?: Limits;
  /** Reason for any loosened tolerance in `output` (required when loosened); the prompt's footer quotes it. */
  toleranceReason?: Bilingual;
}

/** An exercise as the grader sees it: the definition plus the identity taken from its folder name. */
export interface ExerciseSpec<Args extends unknown[] = any[], Out = any> extends ExerciseDefinition<Args, Out> {
  /** Folder name without the section prefix, e.g. "rbm-cd1". Unique. */
  slug: string;
  section: Section;
}

/** Types an exercise definition after its reference function: the cases and misconceptions take its arguments. */
export function defineExercise<F extends (...args: any[]) => any>(
  definition: ExerciseDefinition<Parameters<F>, ReturnType<F>> & { reference: F },
): ExerciseDefinition<Parameters<F>, ReturnType<F>> {
  return definition;
}

/** The grading seed of an exercise: fixed per slug, the same for every student. */
export function gradingSeed(spec: Pick<ExerciseSpec, "slug">): number {
  return seedFromString(spec.slug);
}
