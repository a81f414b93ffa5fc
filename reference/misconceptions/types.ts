/**
 * A misconception is a wrong variant of a reference function: same signature,
 * one known mistake. The grader runs it on a failing case's inputs; when the
 * student's output matches it, the student gets its hint.
 *
 * Every file here exports one table per reference function, built by `misconceptionsOf`:
 *
 *   export const hopfieldEnergyMisconceptions = misconceptionsOf(hopfieldEnergy, "hopfield.energy", [
 *     { id: "missing-half", hint: { en: "…", zh: "…" }, fn: (W, b, x) => … },
 *   ]);
 */

export interface Bilingual {
  en: string;
  zh: string;
}

export interface Misconception<Args extends unknown[] = any[], Out = unknown> {
  /** Stable id, e.g. "hopfield.energy.missing-half". Stored with case results. */
  id: string;
  /** Names the idea, not the answer. Phrased as "This looks like …" by the grader. */
  hint: Bilingual;
  /** The wrong variant, with the signature of the function it corrupts. */
  fn: (...args: Args) => Out;
}

type AnyFunction = (...args: any[]) => any;

/** One row of a table: `id` is the last part of the stored id (the table adds its prefix). */
export interface MisconceptionRow<F extends AnyFunction> {
  id: string;
  hint: Bilingual;
  fn: (...args: Parameters<F>) => ReturnType<F>;
}

/**
 * The misconception table of `reference`: every row gets the id `${prefix}.${row.id}` and the
 * reference's own signature. Ids are stored with graded cases, so a row's id never changes.
 */
export function misconceptionsOf<F extends AnyFunction>(
  reference: F,
  prefix: string,
  rows: MisconceptionRow<NoInfer<F>>[],
): Misconception<Parameters<F>, ReturnType<F>>[] {
  void reference; // names the function the table belongs to, and types its rows
  return rows.map((r) => ({ id: `${prefix}.${r.id}`, hint: r.hint, fn: r.fn }));
}

/**
 * A textbook-naive form of a reference function (issue 12 item 5): right on tame inputs, wrong where the
 * prompt says the inputs can be large, saturating or near a boundary (overflow, underflow, a stopping rule
 * on a subset of the variables). It has no hint of its own: exercises:check requires a hidden case to break
 * it on every seed and the grader to give it no hint.
 */
export interface NaiveVariant<Args extends unknown[] = any[], Out = unknown> {
  /** Stable id, e.g. "rbm.conditionals.naive-sigmoid". */
  id: string;
  /** What is naive about it, for authors (check report). */
  what: string;
  fn: (...args: Args) => Out;
}

/** The naive-variant table of `reference` (ids prefixed like misconceptionsOf's). */
export function naiveVariantsOf<F extends AnyFunction>(
  reference: F,
  prefix: string,
  rows: { id: string; what: string; fn: (...args: Parameters<NoInfer<F>>) => ReturnType<NoInfer<F>> }[],
): NaiveVariant<Parameters<F>, ReturnType<F>>[] {
  void reference;
  return rows.map((r) => ({ id: `${prefix}.${r.id}`, what: r.what, fn: r.fn }));
}

/**
 * A mutant of the reference that no valid input of the exercise (its prompt, DOMAIN.md's case rules) can tell
 * apart from it (issue 12 item 2), as the mutation analysis (exercises/mutation.ts) names it: exercises:check
 * counts it out of the mutation score and shows the reason.
 */
export interface EquivalentMutant {
  /** "reference/file.ts:line:column" (1-based) of the mutated code, as the check report prints it. */
  at: string;
  /** Stryker's mutator name, e.g. "ArithmeticOperator". */
  mutator: string;
  /** The replacement text, when several mutants of one mutator start at the same place. */
  replacement?: string;
  /** Why it is equivalent, in one line. */
  reason: Bilingual;
}
