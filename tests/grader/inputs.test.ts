/**
 * Inputs are read-only (issue 12, DOMAIN.md "Comparing numbers"): after each call the harness compares
 * every argument with the packed original, inside the isolate, and a changed input fails the case.
 */

import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadExercise, type ExerciseEntry } from "@/exercises/catalogue";
import { grade } from "@/grader/grade";
import { parameterNames } from "@/grader/signature";

let fx: ExerciseEntry;
beforeAll(async () => {
  fx = await loadExercise("10.1-fixture-affine", path.join(__dirname, "fixtures"));
});

const correct = "W.map((row, i) => row.reduce((s, w, j) => s + w * x[j], b[i]))";
const fn = (before: string) =>
  `export function affine(W: number[][], x: number[], b: number[]): number[] {\n  const y = ${correct};\n  ${before}\n  return y;\n}`;
const submit = (code: string, spec = fx.spec) => grade({ spec, code, mode: "submit" });

describe("a function that changes its inputs fails the case", () => {
  it("names the argument and the first changed index on visible cases, in both languages", async () => {
    const r = await submit(fn("W[0][1] += 1;"));
    expect(r.score).toBe(0);
    const visible = r.cases[0];
    expect(visible.status).toBe("failed");
    expect(visible.message.en).toMatch(/^Your function modified its input W at W\[0\]\[1\]\. Inputs are read-only/);
    expect(visible.message.zh).toMatch(/^函数修改了它的输入 W（在 W\[0\]\[1\] 处）。输入是只读的/);
  });

  it("hidden cases get the category only", async () => {
    const r = await submit(fn("x[x.length - 1] += 1;"));
    const hidden = r.cases.filter((c) => c.visibility === "hidden");
    expect(hidden.length).toBeGreaterThan(0);
    for (const c of hidden) {
      expect(c.status).toBe("failed");
      expect(c.message.en).toBe("Your function modified one of its inputs. Inputs are read-only: work on a copy.");
      expect(c.message.zh).toBe("函数修改了它的某个输入。输入是只读的：请在副本上操作。");
    }
  });

  it.each([
    ["a changed length", "b.push(1);", /modified its input b\./],
    ["a replaced row", "W[1] = W[1].slice();\n  W[1][0] += 1e-12;", /modified its input W at W\[1\]\[0\]/],
    ["−0 written over 0", "x[0] = x[0] === 0 ? -0 : x[0]; x[1] = NaN;", /modified its input x at x\[1\]/],
    ["a getter on an element", "Object.defineProperty(b, 0, { get: () => 1 });", /modified its input b at b\[0\]/],
    [
      "a row that cannot be read back",
      "W[0] = new Proxy(W[0], { getOwnPropertyDescriptor() { throw new Error('no'); } });",
      /modified its input W\./,
    ],
    ["an in-place splice", "x.splice(0, 1, x[0] + 1);", /modified its input x at x\[0\]/],
  ])("%s is a change", async (_what, change, message) => {
    const r = await submit(fn(change));
    expect(r.cases[0].status).toBe("failed");
    expect(r.cases[0].message.en).toMatch(message);
  });

  it("reading, copying and returning an input unchanged is fine", async () => {
    const r = await submit(
      fn("const Wc = W.map((row) => row.slice()); Wc[0][0] = 99; void [...x].sort(); void b.slice();"),
    );
    expect(r.score).toBe(fx.spec.points);
  });

  it("an exercise whose contract allows in-place updates says so in its spec", async () => {
    const r = await submit(fn("W[0][1] += 1;"), { ...fx.spec, inputsMayChange: true });
    expect(r.score).toBe(fx.spec.points);
  });
});

describe("parameterNames", () => {
  it("reads the names of the entry's parameters from its declaration", () => {
    expect(
      parameterNames("export declare function affine(W: number[][], x: number[], b: number[]): number[];", "affine"),
    ).toEqual(["W", "x", "b"]);
    expect(
      parameterNames(
        "export declare function f(p: { W: Mat; a: Vec }, g: (v: Vec, k: number) => number, t?: [number, number], ...rest: number[]): Vec;",
        "f",
      ),
    ).toEqual(["p", "g", "t", "rest"]);
    expect(parameterNames("export declare function other(a: number): number;", "f")).toEqual([]);
    // a function's own source, as the grader reads the reference's
    function cd1(V0: number[][], W: number[][], eta = 0.1, ...U: number[]) {
      return [V0, W, eta, U];
    }
    expect(parameterNames(cd1.toString())).toEqual(["V0", "W", "eta", "U"]);
    expect(parameterNames(((W: number[], { a }: { a: number }) => W.length + a).toString())).toEqual(["W"]);
  });
});
