/**
 * Each lab's experiment, run as its worker runs it, on the real digits, with the exercises'
 * solution.ts files as the student's code (small settings; the Chromium tests run the defaults).
 */

import { describe, expect, it } from "vitest";
import { runLab, solutionCode } from "./labHarness";

describe("labs with the solutions as the student's code", () => {
  it("10.1: recalls a stored digit from 10 % noise, energy never rises, capacity falls near 0.14·n", async () => {
    const r = await runLab("hopfield", { noise: 0.1 }, await solutionCode("hopfield"));
    expect(r.error).toBeUndefined();
    expect(r.warnings).toEqual([]);
    const outcome = r.result.outcome as { recalled: boolean; energyRose: boolean };
    expect(outcome.recalled).toBe(true);
    const E = r.result.energies as number[];
    for (let k = 1; k < E.length; k++) expect(E[k]).toBeLessThanOrEqual(E[k - 1]);
    const cap = r.result.capacity as { n: number; P: number[]; rate: number[] };
    const at = (p: number) => cap.rate[cap.P.indexOf(p)];
    expect(at(10)).toBe(1);
    expect(at(50)).toBeLessThan(0.5);
    const c = r.result.crosstalk as { zero: { four: number }; balanced: { one: number } };
    expect(c.zero.four).toBeGreaterThan(0); // the lecture's network confuses "1" with "4"
    expect(c.balanced.one).toBeGreaterThan(c.zero.four);
  });

  it("10.1: a sweep that raises the energy is named in a warning", async () => {
    // updates toward the wrong sign: every visited unit moves uphill
    const uphill = `import { dot } from "lab";
export function asyncSweep(W: number[][], b: number[], x: number[], order: number[]): number[] {
  const s = x.slice();
  for (const i of order) { const u = dot(W[i], s) - b[i]; if (u > 0) s[i] = 0; else if (u < 0) s[i] = 1; }
  return s;
}`;
    const r = await runLab("hopfield", {}, await solutionCode("hopfield", { asyncSweep: uphill }));
    expect(r.warnings[0]?.en).toMatch(/energy rose at sweep \d+.*asyncSweep/);
    expect(r.warnings[0]?.zh).toContain("能量上升");
  });

  it("10.2: annealing reaches the global minimum where a quench stays; samples match exp(−E/T)/Z", async () => {
    const r = await runLab("boltzmann", { runs: 20 }, await solutionCode("boltzmann"));
    expect(r.error).toBeUndefined();
    const a = r.result.annealing as { success: { annealed: number; quenched: number } };
    expect(a.success.annealed).toBeGreaterThan(15);
    expect(a.success.quenched).toBe(0);
    const d = r.result.distribution as { byT: { tv: number }[] };
    expect(d.byT).toHaveLength(3);
    for (const x of d.byT) expect(x.tv).toBeLessThan(0.06);
  });

  it("10.3: CD-1 lowers the reconstruction error; the monitors are finite", { timeout: 120_000 }, async () => {
    const r = await runLab("rbm", { epochs: 1, train: 600, hidden: 32 }, await solutionCode("rbm"));
    expect(r.error).toBeUndefined();
    const h = r.result.history as { reconError: number; freeEnergyGap: number; pseudoLikelihood: number }[];
    expect(h).toHaveLength(2);
    expect(h[1].reconError).toBeLessThan(0.7 * h[0].reconError);
    expect(Number.isFinite(h[1].freeEnergyGap) && Number.isFinite(h[1].pseudoLikelihood)).toBe(true);
    expect((r.result.filters as unknown[]).length).toBe(32);
    expect((r.result.chain as { snapshots: unknown[] }).snapshots).toHaveLength(4);
  });

  it(
    "10.7: denoised digits are closer to the originals than the noisy ones; sparse training reports ρ̂",
    { timeout: 120_000 },
    async () => {
      const r = await runLab("dae", { epochs: 1, sparseEpochs: 1, train: 400 }, await solutionCode("dae"));
      expect(r.error).toBeUndefined();
      const d = r.result.dae as { history: { noisyMse: number; denoisedMse: number }[] };
      const last = d.history[d.history.length - 1];
      expect(last.denoisedMse).toBeLessThan(last.noisyMse);
      const s = r.result.sparse as { rhoHat: number[] };
      expect(s.rhoHat).toHaveLength(64);
      for (const v of s.rhoHat) expect(v > 0 && v < 1).toBe(true);
    },
  );

  it("a function that throws or returns the wrong shape is named, with the input, in both languages", async () => {
    const throws = `export function hebbianWeights(X: number[][]): number[][] { throw new Error("not yet"); }`;
    const r1 = await runLab("hopfield", {}, await solutionCode("hopfield", { hebbianWeights: throws }));
    expect(r1.error?.en).toBe("hebbianWeights threw on the 2 digits 0, 1: Error: not yet");
    expect(r1.error?.zh).toBe("hebbianWeights 在处理「2 个数字 0、1」时抛出异常：Error: not yet");
    const short = `export function cd1(V0: number[][], W: number[][], a: number[], b: number[]) { return { W: W.slice(1), a, b, Vk: V0 }; }`;
    const r2 = await runLab("rbm", { epochs: 1, train: 40 }, await solutionCode("rbm", { cd1: short }));
    expect(r2.error?.en).toBe("cd1 on batch 1 of epoch 1: out.W should be 784 × 64, got an array of shape 783×64");
    expect(r2.error?.zh).toContain("out.W 的形状应为 784 × 64");
  });
});
