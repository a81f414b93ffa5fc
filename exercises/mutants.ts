/**
 * Generic mutants (issue 12 item 1): wrong answers derived from the reference's output or from the
 * solution, the same way for every exercise, with no per-exercise code. exercises:check requires each
 * to fail at least one hidden case; a grade that lets them through is not a float64 grade.
 * - float32: every float leaf of the reference's output rounded with Math.fround;
 * - perturbed: the largest-magnitude float leaf of the output moved by a relative PERTURBATION;
 * - input writer: solution.ts, wrapped so that after computing its answer it changes its inputs.
 */

import { toleranceOf } from "../grader/compare";
import type { OutputSchema, Tolerance } from "../grader/spec";

/** The relative change of the perturbed mutant. */
export const PERTURBATION = 1e-6;

/** `out` with `f` applied to every number that the schema compares as a float. */
export function mapFloats(out: unknown, schema: OutputSchema, f: (x: number) => number): unknown {
  return mapFloatsWith(out, schema, f);
}

/** `mapFloats`, telling `f` each leaf's tolerance; leaves are visited in a fixed order. */
function mapFloatsWith(out: unknown, schema: OutputSchema, f: (x: number, tol: Tolerance) => number): unknown {
  if (schema.kind === "exact") return out;
  if (schema.kind === "record") {
    if (out === null || typeof out !== "object") return out;
    return Object.fromEntries(
      Object.entries(out).map(([k, v]) => [k, schema.fields[k] ? mapFloatsWith(v, schema.fields[k], f) : v]),
    );
  }
  const tol = toleranceOf(schema);
  // Plain objects under a float schema (e.g. a list of RBMs {W, a, b}) are compared leaf by leaf too.
  const walk = (x: unknown): unknown => {
    if (typeof x === "number") return f(x, tol);
    if (Array.isArray(x)) return x.map(walk);
    if (x !== null && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, walk(v)]));
    return x;
  };
  return walk(out);
}

/** Whether an output schema compares any leaf as a float (the float mutants apply only then). */
export function hasFloats(schema: OutputSchema): boolean {
  return schema.kind === "float" || (schema.kind === "record" && Object.values(schema.fields).some(hasFloats));
}

export function float32Mutant(out: unknown, schema: OutputSchema): unknown {
  return mapFloats(out, schema, Math.fround);
}

/**
 * The output with one float leaf times (1 + PERTURBATION): the leaf where that change uses the most of its
 * tolerance, |x|·PERTURBATION / (atol + rtol·|x|) (the largest |x| under one tolerance). Undefined when
 * every float is 0 or not finite.
 */
export function perturbedMutant(out: unknown, schema: OutputSchema): unknown {
  let best = 0;
  let at = -1;
  let k = 0;
  mapFloatsWith(out, schema, (x, tol) => {
    const weight = Number.isFinite(x) ? (Math.abs(x) * PERTURBATION) / (tol.atol + tol.rtol * Math.abs(x)) : 0;
    if (weight > best) [best, at] = [weight, k];
    k++;
    return x;
  });
  if (at < 0) return undefined;
  k = 0;
  return mapFloatsWith(out, schema, (x) => (k++ === at ? x * (1 + PERTURBATION) : x));
}

/**
 * solution.ts with its entry renamed and wrapped: the wrapper returns the solution's answer, then adds 1 to
 * the first number it finds in its arguments (in order, depth first). Undefined when the file does not
 * declare `export function <entry>(`.
 */
export function inputWriterCode(solution: string, entry: string): string | undefined {
  const declared = `export function ${entry}(`;
  if (!solution.includes(declared)) return undefined;
  return `${solution.replace(declared, `function __gibbs_solution_${entry}(`)}
export function ${entry}(...args: any[]): any {
  const out = (__gibbs_solution_${entry} as any)(...args);
  const scribble = (x: any): boolean => {
    if (x === null || typeof x !== "object") return false;
    for (const k of Object.keys(x)) {
      if (typeof x[k] === "number") {
        x[k] += 1;
        return true;
      }
      if (scribble(x[k])) return true;
    }
    return false;
  };
  for (const a of args) if (scribble(a)) break;
  return out;
}
`;
}
