/**
 * Test helper: how far apart two reference-shaped values are, in the grading tolerance's units
 * (DOMAIN.md "Comparing numbers": |a − e| ≤ atol + rtol·|e|, atol 1e-9, rtol 1e-7).
 * Used to show that every misconception differs from the correct function by more than the tolerance.
 */

import { DEFAULT_TOLERANCE } from "@/grader/spec";

/**
 * max over all numeric leaves of |actual − expected| / (atol + rtol·|expected|); > 1 means "fails the tolerance".
 * A structural difference (shape, type, NaN where a number is expected) counts as Infinity.
 */
export function toleranceRatio(actual: unknown, expected: unknown): number {
  if (typeof expected === "number") {
    if (typeof actual !== "number" || Number.isNaN(actual)) return Infinity;
    if (actual === expected) return 0;
    return Math.abs(actual - expected) / (DEFAULT_TOLERANCE.atol + DEFAULT_TOLERANCE.rtol * Math.abs(expected));
  }
  if (typeof expected === "boolean") return actual === expected ? 0 : Infinity;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return Infinity;
    return expected.reduce((m: number, e, i) => Math.max(m, toleranceRatio(actual[i], e)), 0);
  }
  if (expected && typeof expected === "object") {
    if (!actual || typeof actual !== "object") return Infinity;
    return Object.entries(expected).reduce(
      (m: number, [k, e]) => Math.max(m, toleranceRatio((actual as Record<string, unknown>)[k], e)),
      0,
    );
  }
  return Object.is(actual, expected) ? 0 : Infinity;
}
