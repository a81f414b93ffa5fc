/**
 * The fast path's thread (grader/fastTransform.ts) against hostile files: swc recurses on the native
 * stack and is not interruptible, so a file must neither kill the process nor hold the fast path.
 */

import { describe, expect, it } from "vitest";
import { ANSWER_MS, swcTransforms } from "@/grader/fastTransform";
import { loadCatalogue } from "@/exercises/catalogue";
import { grade } from "@/grader/grade";
import { SWC_TRANSFORM, transpile } from "@/grader/transpile";

const honest = "export function f(a: number[]): number { return a.length; }";

describe("the fast path's thread", () => {
  it("survives nesting that overflows an 8 MB stack, up to the largest file grading accepts", async () => {
    for (const depth of [3000, 30_000, 50_000]) {
      const out = await swcTransforms(`export const f = ${"(".repeat(depth)}1${")".repeat(depth)};`, [SWC_TRANSFORM]);
      expect(out?.[0].code, `depth ${depth}`).toContain("const f=");
    }
    expect((await swcTransforms(honest, [SWC_TRANSFORM]))?.[0].code).toContain("function f(a)");
  });

  it("prints compactly: 20,000 nested arrays stay about as long as the file", async () => {
    const file = `export const f = ${"[".repeat(20_000)}${"]".repeat(20_000)};`;
    const out = await swcTransforms(file, [SWC_TRANSFORM]);
    expect(out?.[0].code.length).toBeLessThan(file.length + 200);
  });

  it("a file swc cannot parse gets no answer, and the next file is answered", async () => {
    expect(await swcTransforms("export function f( {", [SWC_TRANSFORM])).toBeUndefined();
    expect(await swcTransforms(honest, [SWC_TRANSFORM])).toBeDefined();
  });

  it("a file that keeps swc busy past the answer time gets no answer; the fast path is off until the thread is done with it", async () => {
    const cd1 = (await loadCatalogue()).get("rbm-cd1")!;
    const throws = "export function f() {\n  const a: any = null;\n  return a.b;\n}";
    // Transpiled by the fast path before the thread is busy (its source map is made only when wanted).
    const before = await transpile(throws, { helpers: cd1.spec.helpers ?? [] });
    expect(before.ok && before.fast).toBeTruthy();
    // Nested blocks cost swc quadratic time: about 4 s here for 15,000.
    const slow = `export function f() {${"{".repeat(15_000)}${"}".repeat(15_000)}}`;
    const t0 = performance.now();
    expect(await swcTransforms(slow, [SWC_TRANSFORM])).toBeUndefined();
    const waited = performance.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(ANSWER_MS - 5);
    expect(waited).toBeLessThan(ANSWER_MS + 1000);
    // While the thread is still on it, nothing waits for it: esbuild takes every file.
    const t1 = performance.now();
    expect(await swcTransforms(honest, [SWC_TRANSFORM])).toBeUndefined();
    expect(performance.now() - t1).toBeLessThan(50);
    // A fast-path file that throws meanwhile is graded as usual; its error just has no line (no source map).
    const r = await grade({ spec: { ...cd1.spec, entry: "f" }, code: throws, mode: "try", args: [] });
    expect(r.cases[0].message.en).toMatch(/TypeError/);
    expect(r.cases[0].message.en).not.toMatch(/\(line \d+\)/);
    // Once it is done, the thread answers again.
    const deadline = Date.now() + 60_000;
    let out = await swcTransforms(honest, [SWC_TRANSFORM]);
    while (!out && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      out = await swcTransforms(honest, [SWC_TRANSFORM]);
    }
    expect(out?.[0].code).toContain("function f(a)");
  }, 90_000);
});
