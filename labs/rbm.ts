/**
 * 10.3 lab: an RBM on binarised 28 × 28 digits, trained with the student's CD-1. Each epoch
 * shows the filters (W's columns), mean-field reconstructions and their error, the free-energy
 * gap between training and held-out digits, and the pseudo-likelihood; at the end, samples of
 * a Gibbs chain. Every RBM quantity comes from the student's functions; the lab only draws the
 * uniforms, batches the data and averages.
 */

import { bi } from "../grader/messages";
import type { Mat, Vec } from "../reference/numerics";
import { param, type Experiment, type LabContext } from "./context";
import { digitBinary, type Digits } from "./digits";
import { signedImage, unitImage, column } from "./images";
import { matrix, number, record, vector } from "./student";

const NV = 784;
const SIDE = 28;
const MONITOR = 200;
const FREE_ENERGY_ROWS = 500;
const SHOWN = 10;
const CHAINS = 8;
const CHAIN_SNAPSHOTS = [1, 10, 50, 200];

export interface RbmEpoch {
  epoch: number;
  /** Mean over the monitored digits of Σ_i (v_i − P(v_i = 1 | P(h | v)))². */
  reconError: number;
  /** Mean free energy of training digits minus that of held-out digits. */
  freeEnergyGap: number;
  freeEnergyTrain: number;
  freeEnergyHeldOut: number;
  /** The student's pseudo-likelihood (per digit) on training digits. */
  pseudoLikelihood: number;
  /** Time of the epoch's CD-1 updates (not the monitoring), ms. */
  trainMs: number;
}

function rows(d: Digits, from: number, count: number): Mat {
  return Array.from({ length: count }, (_, k) => digitBinary(d, from + k));
}

export const rbmLab: Experiment = async (ctx, params) => {
  const nh = Math.round(param(params, "hidden", 64, 4, 256));
  const epochs = Math.round(param(params, "epochs", 3, 1, 50));
  const batch = Math.round(param(params, "batch", 20, 1, 200));
  const eta = param(params, "eta", 0.1, 1e-4, 10);
  const trainCount = Math.round(param(params, "train", 2000, batch, 8000));
  const d = await ctx.digits();
  const train = rows(d, 0, trainCount);
  const heldOut = rows(d, trainCount, FREE_ENERGY_ROWS);
  const monitor = train.slice(0, MONITOR);
  let W: Mat = ctx.rng.gaussianMat(NV, nh, 0.01);
  let a: Vec = new Array<number>(NV).fill(0);
  let b: Vec = new Array<number>(nh).fill(0);
  const history: RbmEpoch[] = [];
  const batches = Math.floor(trainCount / batch);
  ctx.update({ originals: monitor.slice(0, SHOWN).map((v) => unitImage(v, SIDE)), hidden: nh, epochs });

  const conditionals = (V: Mat, H: Mat, what: { en: string; zh: string }) =>
    ctx.code.call<{ Ph: Mat; Pv: Mat }>(
      "rbmConditionals",
      [V, H, W, a, b],
      what,
      record({ Ph: matrix(V.length, nh), Pv: matrix(H.length, NV) }),
    );
  const meanFreeEnergy = (V: Mat, what: { en: string; zh: string }) => {
    const F = ctx.code.call<number[]>("freeEnergy", [V, W, a, b], what, vector(V.length));
    return F.reduce((s, f) => s + f, 0) / F.length;
  };

  const monitorEpoch = (epoch: number, trainMs: number) => {
    const label = (en: string, zh: string) => bi(`${en} after epoch ${epoch}`, `第 ${epoch} 轮后的${zh}`);
    const zerosH = monitor.map(() => new Array<number>(nh).fill(0));
    const { Ph } = conditionals(
      monitor,
      zerosH,
      label(`the ${monitor.length} monitored digits`, ` ${monitor.length} 个监测数字`),
    );
    const { Pv } = conditionals(
      monitor,
      Ph,
      label("the hidden probabilities of the monitored digits", "监测数字的隐藏单元概率"),
    );
    let err = 0;
    for (let r = 0; r < monitor.length; r++) for (let i = 0; i < NV; i++) err += (monitor[r][i] - Pv[r][i]) ** 2;
    const fTrain = meanFreeEnergy(
      train.slice(0, FREE_ENERGY_ROWS),
      label(`${FREE_ENERGY_ROWS} training digits`, ` ${FREE_ENERGY_ROWS} 个训练数字`),
    );
    const fHeld = meanFreeEnergy(
      heldOut,
      label(`${FREE_ENERGY_ROWS} held-out digits`, ` ${FREE_ENERGY_ROWS} 个留出数字`),
    );
    const flip = Array.from({ length: FREE_ENERGY_ROWS }, () => ctx.rng.int(NV));
    const pl = ctx.code.call<number>(
      "pseudoLikelihood",
      [train.slice(0, FREE_ENERGY_ROWS), W, a, b, flip],
      label(`${FREE_ENERGY_ROWS} training digits`, ` ${FREE_ENERGY_ROWS} 个训练数字`),
      number(),
    );
    history.push({
      epoch,
      reconError: err / monitor.length,
      freeEnergyGap: fTrain - fHeld,
      freeEnergyTrain: fTrain,
      freeEnergyHeldOut: fHeld,
      pseudoLikelihood: pl,
      trainMs,
    });
    ctx.update({
      history: history.slice(),
      filters: Array.from({ length: Math.min(nh, 64) }, (_, j) => signedImage(column(W, j), SIDE)),
      reconstructions: Pv.slice(0, SHOWN).map((v) => unitImage(v, SIDE)),
    });
  };

  monitorEpoch(0, 0);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const order = ctx.rng.permutation(trainCount);
    let trainMs = 0;
    for (let t = 0; t < batches; t++) {
      await ctx.progress(
        epoch - 1 + t / batches,
        epochs,
        bi(`epoch ${epoch} of ${epochs}`, `第 ${epoch} / ${epochs} 轮`),
      );
      const t0 = performance.now();
      const V0 = order.slice(t * batch, (t + 1) * batch).map((k) => train[k].slice());
      const out = ctx.code.call<{ W: Mat; a: Vec; b: Vec }>(
        "cd1",
        [V0, W, a, b, eta, ctx.rng.uniformMat(batch, nh), ctx.rng.uniformMat(batch, NV)],
        bi(`batch ${t + 1} of epoch ${epoch}`, `第 ${epoch} 轮的第 ${t + 1} 批`),
        record({ W: matrix(NV, nh), a: vector(NV), b: vector(nh), Vk: matrix(batch, NV, true) }),
      );
      ({ W, a, b } = out);
      trainMs += performance.now() - t0;
    }
    monitorEpoch(epoch, trainMs);
  }
  await ctx.progress(epochs, epochs, bi("sampling a Gibbs chain", "从 Gibbs 链采样"));
  await gibbsChain(ctx, heldOut.slice(0, CHAINS), conditionals, nh);
};

/** CHAINS Gibbs chains from held-out digits with the trained model, snapshots of P(v | h) at CHAIN_SNAPSHOTS steps. */
async function gibbsChain(
  ctx: LabContext,
  start: Mat,
  conditionals: (V: Mat, H: Mat, what: { en: string; zh: string }) => { Ph: Mat; Pv: Mat },
  nh: number,
) {
  const sample = (P: Mat) => P.map((row) => row.map((p) => (ctx.rng.uniform() < p ? 1 : 0)));
  let V = start;
  let H = start.map(() => new Array<number>(nh).fill(0));
  const snapshots: { step: number; images: ReturnType<typeof unitImage>[] }[] = [];
  const last = CHAIN_SNAPSHOTS[CHAIN_SNAPSHOTS.length - 1];
  for (let step = 1; step <= last; step++) {
    const what = bi(`Gibbs step ${step}`, `第 ${step} 步 Gibbs 采样`);
    H = sample(conditionals(V, H, what).Ph);
    const { Pv } = conditionals(V, H, what);
    V = sample(Pv);
    if (CHAIN_SNAPSHOTS.includes(step)) {
      snapshots.push({ step, images: Pv.map((v) => unitImage(v, SIDE)) });
      ctx.update({ chain: { start: start.map((v) => unitImage(v, SIDE)), snapshots: snapshots.slice() } });
    }
    if (step % 10 === 0) await ctx.progress(step, last, bi("sampling a Gibbs chain", "从 Gibbs 链采样"));
  }
}
