/**
 * A misconception is a wrong variant of a reference function: same signature,
 * one known mistake. The grader runs it on a failing case's inputs; when the
 * student's output matches it, the student gets its hint.
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

/** Identity helper that keeps the argument and result types of a variant. */
export function misconception<Args extends unknown[], Out>(m: Misconception<Args, Out>): Misconception<Args, Out> {
  return m;
}
