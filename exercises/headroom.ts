/**
 * Tolerance headroom (issue 12 item 4): how much of an output's float tolerance a correct answer uses,
 * max over its float leaves of |actual − expected| / (atol + rtol·|expected|). 1 is the edge of failing;
 * exercises:check records it for solution.ts, and tests/ for correct solutions in other styles.
 */

import { toleranceOf } from "../grader/compare";
import type { OutputSchema } from "../grader/spec";

export function toleranceUsed(expected: unknown, actual: unknown, schema: OutputSchema): number {
  if (schema.kind === "exact") return 0;
  if (schema.kind === "record") {
    if (!isObject(expected) || !isObject(actual)) return Number.POSITIVE_INFINITY;
    return Object.entries(schema.fields).reduce(
      (m, [k, f]) => Math.max(m, toleranceUsed(expected[k], actual[k], f)),
      0,
    );
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return Number.POSITIVE_INFINITY;
    return expected.reduce((m: number, e, i) => Math.max(m, toleranceUsed(e, actual[i], schema)), 0);
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return Number.POSITIVE_INFINITY;
    return Object.keys(expected).reduce((m, k) => Math.max(m, toleranceUsed(expected[k], actual[k], schema)), 0);
  }
  if (typeof expected !== "number" || typeof actual !== "number") return Object.is(expected, actual) ? 0 : Infinity;
  if (Object.is(expected, actual)) return 0;
  const { atol, rtol } = toleranceOf(schema);
  return Math.abs(actual - expected) / (atol + rtol * Math.abs(expected));
}

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}
