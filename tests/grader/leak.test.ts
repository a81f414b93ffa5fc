/**
 * Hidden cases leak nothing (issue 12, DOMAIN.md "Feedback for a failed comparison"): student code that
 * encodes a hidden input into every channel its output opens (a length, the index of the first
 * difference, how many elements fail, a magnitude, NaN positions, a returned string or field name, an
 * error's type, text and line, a bad value's position, the console, how long earlier cases took) gets
 * the same message on every hidden case: a message that does not depend on the hidden values cannot
 * carry them out.
 */

import { beforeAll, describe, expect, it } from "vitest";
import { loadExercise, type ExerciseEntry } from "@/exercises/catalogue";
import { grade } from "@/grader/grade";
import path from "node:path";

let fx: ExerciseEntry;
beforeAll(async () => {
  fx = await loadExercise("10.1-fixture-affine", path.join(__dirname, "fixtures"));
});

/** A number from the hidden input, different on every case: ~10 bits of W[0][0]. */
const SECRET = "Math.floor(Math.abs(W[0][0]) * 1000)";
const correct = "W.map((row, i) => row.reduce((s, w, j) => s + w * x[j], b[i]))";
const fn = (body: string) =>
  `export function affine(W: number[][], x: number[], b: number[]): any {\n  const k = ${SECRET};\n  const y = ${correct};\n  ${body}\n}`;

const ATTACKS: Record<string, string> = {
  "length of the output": "return new Array(1 + (k % 50)).fill(0);",
  "length of an inner array": "return y.map((v) => new Array(1 + (k % 50)).fill(v));",
  "index of the first difference": "y[k % y.length] += 1; return y;",
  "number of failing elements": "for (let i = 0; i <= k % y.length; i++) y[i] += 1; return y;",
  "magnitude of the error": "y[0] += k; return y;",
  "a scale of the expected value": "return y.map((v) => v * (2 + (k % 3)));",
  "position of a NaN": "y[k % y.length] = NaN; return y;",
  "a returned string": "return String(k) as any;",
  "a string inside the output": "(y as any)[k % y.length] = 'k' + k; return y;",
  "field names of a returned object": "return { ['f' + k]: 1 } as any;",
  "an error's text": "throw new Error('secret ' + k);",
  "an error's type": "if (k % 2) throw new TypeError('t'); throw new RangeError('r');",
  "an error's line": "if (k % 2) {\n    throw new Error('odd');\n  }\n  throw new Error('even');",
  "position of a bad value": "(y as any)[k % y.length] = () => k; return y;",
  "the console": "console.log('secret', k, W); return y.map((v) => v + 1);",
  "a thrown non-Error": "throw k;",
};

async function hiddenMessages(code: string) {
  const r = await grade({ spec: fx.spec, code, mode: "submit", limits: { caseTimeMs: 300, totalTimeMs: 10_000 } });
  const hidden = r.cases.filter((c) => c.visibility === "hidden");
  expect(hidden.length).toBeGreaterThan(5);
  return { r, hidden };
}

describe("hidden-case feedback carries no hidden input", () => {
  it.each(Object.entries(ATTACKS))("%s: the same message on every hidden case", async (_channel, body) => {
    const { r, hidden } = await hiddenMessages(fn(body));
    // The attack works: the visible cases show what the code did (so the channel is real there).
    expect(r.cases.some((c) => c.visibility === "visible" && c.status === "failed")).toBe(true);
    expect(hidden.every((c) => c.status === "failed")).toBe(true);
    expect(new Set(hidden.map((c) => c.message.en)).size).toBe(1);
    expect(new Set(hidden.map((c) => c.message.zh)).size).toBe(1);
    // No number at all, apart from the exercise's own tolerance.
    for (const c of hidden) {
      const text = `${c.message.en}\n${c.message.zh}`.replace(/atol 1e-11|rtol 1e-10|0\/0|log\(0\)/g, "");
      expect(text).not.toMatch(/\d/);
      expect(c.console).toBeUndefined();
    }
  });

  it("the visible cases of the same attacks keep their full diagnostics", async () => {
    const { r } = await hiddenMessages(fn(ATTACKS["index of the first difference"]));
    const visible = r.cases.filter((c) => c.visibility === "visible");
    expect(visible[0].message.en).toMatch(/1 of \d+ element.* at out\[\d+\]/);
    const { r: thrown } = await hiddenMessages(fn(ATTACKS["an error's text"]));
    expect(thrown.cases[0].message.en).toMatch(/threw an error \(line \d+\): Error: secret \d+/);
  });

  it("how long earlier cases took is not quoted in a hidden case's time-limit message", async () => {
    // Busy-wait a secret number of milliseconds, then loop forever on the next case: the limit of the
    // later cases (20 × the slowest finished one) would read the secret out.
    const code = `let n = 0;
      export function affine(W: number[][], x: number[], b: number[]): number[] {
        if (n++ % 2) { for (;;) {} }
        const t = Date.now(); const ms = 5 + (Math.floor(Math.abs(W[0][0]) * 1000) % 40);
        while (Date.now() - t < ms) {}
        return [];
      }`;
    const { hidden } = await hiddenMessages(code);
    const timedOut = hidden.filter((c) => c.message.en.startsWith("Time limit"));
    expect(timedOut.length).toBeGreaterThan(2);
    expect(new Set(timedOut.map((c) => c.message.en)).size).toBe(1);
    expect(timedOut[0].message.en).not.toMatch(/\d/);
  }, 30_000);
});
