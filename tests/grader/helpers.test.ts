/**
 * Each exercise's `helpers` list is all of "lab" its students can reach: one exercise's helper
 * (rbm-cdk's neighbour dbn-greedy-pretraining gets the vetted `cd1` trainer) can never solve another.
 */

import { beforeAll, describe, expect, it } from "vitest";
import { loadExercise, readExerciseFile, type ExerciseEntry } from "@/exercises/catalogue";
import { grade } from "@/grader/grade";

let cdk: ExerciseEntry;
let pretraining: ExerciseEntry;
beforeAll(async () => {
  cdk = await loadExercise("10.3-rbm-cdk");
  pretraining = await loadExercise("10.5-dbn-greedy-pretraining");
});

/** CD-k for k = 1 through lab's cd1: correct on the k = 1 cases, if cd1 were reachable. */
const viaCd1 = (importLine: string, call: string) => `${importLine}
export function cdk(V0: number[][], W: number[][], a: number[], b: number[], eta: number, k: number, U: any) {
  return ${call}(V0, W, a, b, eta, U.Uh0, U.Uv[0]);
}`;

describe('"lab" exports are per exercise', () => {
  it("rbm-cdk importing cd1 gets a bilingual compile error that names the import, its line and the allowed helpers", async () => {
    expect(cdk.spec.helpers).not.toContain("cd1");
    const r = await grade({
      spec: cdk.spec,
      code: viaCd1(`import { sampleMat, cd1 } from "lab";`, "cd1"),
      mode: "run",
    });
    expect(r.status).toBe("compile_error");
    expect(r.score).toBe(0);
    expect(r.position).toMatchObject({ line: 1, column: 21 });
    expect(r.message.en).toContain('Cannot import "cd1" from "lab" (line 1, column 21): this exercise allows only ');
    expect(r.message.zh).toContain('无法从 "lab" 导入"cd1"（第 1 行，第 21 列）：本题只允许导入 ');
    for (const h of cdk.spec.helpers!) {
      expect(r.message.en).toContain(h);
      expect(r.message.zh).toContain(h);
    }
  });

  it("a namespace or default import cannot reach an unlisted export either", async () => {
    const ns = await grade({ spec: cdk.spec, code: viaCd1(`import * as lab from "lab";`, "lab.cd1"), mode: "run" });
    expect(ns.status).toBe("compile_error");
    expect(ns.message.en).toMatch(/^Cannot import "cd1" from "lab" \(line 3, column \d+\)/);
    const def = await grade({ spec: cdk.spec, code: viaCd1(`import lab from "lab";`, "lab.cd1"), mode: "run" });
    expect(def.status).toBe("compile_error");
    expect(def.message.en).toMatch(/^Cannot import a default export from "lab"/);
  });

  it("the compile-time check sees an unlisted helper beside listed ones, renamed, or behind a look-alike binding", async () => {
    // transpile.ts spares its second esbuild pass only when the output plainly uses listed helpers:
    // each of these must still reach that pass and get the located error.
    const [listed] = cdk.spec.helpers!;
    const codes = [
      viaCd1(`import { ${listed}, cd1 } from "lab";\nconst keep = ${listed};`, "cd1"),
      viaCd1(`import { cd1 as train } from "lab";`, "train"),
      viaCd1(`import { cd1 } from "lab";\nconst import_lab = { cd1: 0 };`, "cd1"),
      viaCd1(`import * as lab from "lab";`, 'lab["cd1"]'),
    ];
    for (const code of codes) {
      const r = await grade({ spec: cdk.spec, code, mode: "run" });
      expect(r.status, code).toBe("compile_error");
      expect(r.message.en, code).toMatch(/^Cannot import "cd1" from "lab" \(line \d+, column \d+\)/);
      expect(r.message.zh, code).toContain('无法从 "lab" 导入"cd1"');
    }
  });

  it('at run time require("lab") holds exactly the listed exports', async () => {
    const code = `const lab = require("lab");
export function cdk(V0: number[][], W: number[][], a: number[], b: number[], eta: number, k: number, U: any) {
  throw new Error(Object.keys(lab).sort().join(","));
}`;
    const r = await grade({ spec: cdk.spec, code, mode: "run" });
    expect(r.cases[0].message.en).toContain(
      `threw an error (line 3): Error: ${[...cdk.spec.helpers!].sort().join(",")}`,
    );
  });

  it("an exercise that lists cd1 can use it, and the solutions of both still get full marks", async () => {
    expect(pretraining.spec.helpers).toContain("cd1");
    for (const e of [cdk, pretraining]) {
      const r = await grade({ spec: e.spec, code: readExerciseFile(e, "solution.ts"), mode: "submit" });
      expect(r.score).toBe(e.spec.points);
    }
  });
});
