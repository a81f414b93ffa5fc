/**
 * `npm run grade` grades in a child process and always prints one parseable result, then exits
 * normally (issue 13): after an uninterruptible isolate, after a huge thrown error, and when the
 * grader itself fails.
 */

import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(__dirname, "fixtures");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gibbs-cli-"));

const SOURCES = {
  correct: `import { matvec } from "lab";
export function affine(W: number[][], x: number[], b: number[]): number[] {
  return matvec(W, x).map((v, i) => v + b[i]);
}`,
  // Array.prototype.fill on a huge array runs in C++ without interrupt checks (isolated-vm #107).
  uninterruptible: `export function affine(W: number[][], x: number[], b: number[]): number[] {
  void new Array(1024 * 1024 * 60).fill(0);
  return [];
}`,
  hugeError: `export function affine(W: number[][], x: number[], b: number[]): number[] {
  const e = new Error("x".repeat(20_000_000));
  (e as any).stack = "y".repeat(20_000_000);
  throw e;
}`,
};

function cli(source: keyof typeof SOURCES, exercisesDir = FIXTURES) {
  const file = path.join(tmp, `${source}.ts`);
  fs.writeFileSync(file, SOURCES[source]);
  return new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--no-node-snapshot", "--import", "tsx", "grader/cli.ts", "fixture-affine", file, "--json"],
      { cwd: ROOT, env: { ...process.env, GIBBS_EXERCISES_DIR: exercisesDir }, maxBuffer: 64 << 20 },
      (err, stdout) =>
        resolve({
          code: err ? ((err as { code?: number }).code ?? null) : 0,
          signal: err?.signal ?? null,
          out: stdout,
        }),
    );
  });
}

describe("npm run grade", () => {
  it("prints Gradescope JSON and exits 0 for a graded file", async () => {
    const r = await cli("correct");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { score: number }).score).toBe(6);
  }, 60_000);

  it.each([
    ["an isolate V8 cannot interrupt", "uninterruptible", 1],
    ["a huge thrown error", "hugeError", 0],
  ] as const)(
    "after %s: one parseable result and a normal exit, every time",
    async (_what, source, exitCode) => {
      for (let i = 0; i < 2; i++) {
        const r = await cli(source);
        expect(r.signal).toBeNull();
        expect(r.code).toBe(exitCode);
        const json = JSON.parse(r.out) as { score: number; tests: unknown[] };
        expect(json.score).toBe(0);
        expect(json.tests).toHaveLength(12);
      }
    },
    120_000,
  );

  it("a grader failure is said as such (exit 3), never as a score", async () => {
    const broken = path.join(tmp, "exercises");
    fs.cpSync(path.join(FIXTURES, "10.1-fixture-affine"), path.join(broken, "10.1-fixture-affine"), {
      recursive: true,
    });
    const spec = path.join(broken, "10.1-fixture-affine", "exercise.ts");
    // A copy of the fixture whose reference throws: the cases cannot be prepared, which is the grader's fault.
    const text = fs.readFileSync(spec, "utf8").replace(/\.\.\/\.\.\/\.\.\/\.\.\//g, `${ROOT}/`);
    fs.writeFileSync(
      spec,
      text.replace("reference: affine,", "reference: () => { throw new Error('generator bug'); },"),
    );
    const r = await cli("correct", broken);
    expect(r.code).toBe(3);
    const json = JSON.parse(r.out) as { score: number; output: string };
    expect(json.output).toMatch(/^The grader failed \(this is not a score\): .*generator bug/s);
  }, 60_000);
});
