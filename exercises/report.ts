/**
 * The JSON report `exercises:check` writes for one exercise (check.ts), as stored on its
 * exercise version (store.ts) and shown in the staff check view. Issue-12 checks (generic
 * and automatic mutants, input immutability, naive variants) add their own `sections`.
 */

import type { Bilingual } from "../reference/misconceptions/types";

export interface MisconceptionReport {
  id: string;
  /** Seeds (of the report's `seeds`) on which it fails at least one hidden case. */
  caughtSeeds: number;
  firstUncaughtSeed?: number;
  /** Seeds on which one of its failing outputs is matched to its own hint (no earlier variant matches it first). */
  ownHintSeeds?: number;
  firstWrongHintSeed?: number;
  /** On the grading seed, its own output is matched to its own hint. */
  ownHint: boolean;
  matchedAs?: string;
}

/** How a generic mutant (exercises/mutants.ts) fared over the checked seeds. */
export interface SeedsCaught {
  /** Seeds on which it fails at least one hidden case. */
  caughtSeeds: number;
  /** Seeds on which it equals the reference on every hidden case (no wrong answer to catch). */
  equivalentSeeds: number;
  firstUncaughtSeed?: number;
}

/** The generic mutants of one exercise; a float mutant is absent when no output is compared as a float. */
export interface GenericMutantsReport {
  float32?: SeedsCaught;
  perturbed?: SeedsCaught;
  /** solution.ts writing into its inputs, graded through the sandbox on the grading seed's hidden cases. */
  inputWriter?: { hiddenFailed: number; hidden: number };
}

/** One mutant of the reference (exercises/mutation.ts), where it is and what became of it. */
export interface MutantRow {
  /** "reference/file.ts:line:column", 1-based. */
  at: string;
  /** Stryker's mutator name. */
  mutator: string;
  replacement: string;
  /** killed: some case failed, threw or changed its inputs; timeout: stopped by the time limit (killed too). */
  status: "killed" | "timeout" | "survived" | "equivalent";
  reason?: Bilingual;
}

/** The mutation analysis of one exercise: only the mutants whose code runs on its cases count. */
export interface MutationReport {
  /** Content hash the result is cached under. */
  hash: string;
  cached: boolean;
  /** Visible + hidden cases at the grading seed that the mutants ran on. */
  cases: number;
  mutants: number;
  /** Killed, including those stopped by the time limit. */
  killed: number;
  /** Every counted mutant, in the instrumenter's order. */
  rows: MutantRow[];
  /** Mutants in reference/ that the exercise's cases never execute. */
  notCovered: number;
  /** Mutants of input validation in reference/ that are never generated (exercises/validation-ignorer.ts). */
  ignored: number;
  /** Declarations in spec.equivalentMutants that match no surviving mutant. */
  staleEquivalents: string[];
  /** The analysis run itself (also when the result came from the cache), and this report. */
  runMs: number;
  ms: number;
  error?: string;
}

/** The report's mutants with one status. */
export function mutantsWith(r: Pick<MutationReport, "rows">, status: MutantRow["status"]): MutantRow[] {
  return r.rows.filter((m) => m.status === status);
}

/** killed / (mutants − equivalent), the mutation score; 1 when nothing is left to kill. */
export function mutationScore(r: Pick<MutationReport, "mutants" | "killed" | "rows">): number {
  const live = r.mutants - mutantsWith(r, "equivalent").length;
  return live === 0 ? 1 : r.killed / live;
}

/** A naive variant (spec.naiveVariants): broken by a hidden case on every seed, and given no hint. */
export interface NaiveVariantReport {
  id: string;
  what: string;
  caughtSeeds: number;
  firstUncaughtSeed?: number;
  /** The misconception whose hint THE rule would give it on the grading seed (must be none). */
  hint?: string;
}

/** One group of rules of the check (files, cases, grading, misconceptions, declaration, …). */
export interface CheckSection {
  name: string;
  ok: boolean;
  errors: string[];
}

export interface CheckReport {
  folder: string;
  slug: string;
  section: string;
  points: number;
  ok: boolean;
  /** Every section's errors, in section order. */
  errors: string[];
  sections: CheckSection[];
  visibleCases: number;
  hiddenCases: number;
  deterministic: boolean;
  /** Number of seeds each misconception was tried on. */
  seeds?: number;
  prompts: { en: boolean; zh: boolean };
  /** `toleranceUsed`: the largest share of its float tolerance the solution uses on a passing case (exercises/headroom.ts). */
  solution?: { score: number; maxScore: number; status: string; toleranceUsed?: number };
  starter?: { score: number; maxScore: number; status: string };
  misconceptions: MisconceptionReport[];
  generic?: GenericMutantsReport;
  naiveVariants?: NaiveVariantReport[];
  /** The automatic mutation analysis of the reference (exercises/mutation.ts); absent when it could not run. */
  mutation?: MutationReport;
  declaration: { ok: boolean; errors: string[] };
  ms: number;
}

/** A stored report (ExerciseVersion.checkJson), or null when there is none or it cannot be read. */
export function parseCheckReport(json: string | null | undefined): CheckReport | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as CheckReport;
  } catch {
    return null;
  }
}
