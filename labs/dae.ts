/**
 * 10.7 lab: a denoising autoencoder on 28 × 28 digit intensities, with the student's corruption
 * and loss (`daeLoss`), and the lecture's figure (original / corrupted / reconstructed) for Gaussian
 * or masking noise; then a sparse autoencoder trained with the student's `sparseAeCostGrad`, with
 * the histogram of mean hidden activations against ρ and the filters.
 *
 * No exercise asks for the gradient of the denoising loss (the target is the clean x while the
 * input is x̃), so the DAE's update is the lab's own backpropagation through the student's
 * forward pass: it uses the student's X̃ and X̂.
 */

import { bi } from "../grader/messages";
import type { Mat, Vec } from "../reference/numerics";
import { param, type Experiment, type LabContext } from "./context";
import { digitIntensities, type Digits } from "./digits";
import { signedImage, unitImage } from "./images";
import { matrix, number, record, vector } from "./student";

const NV = 784;
const SIDE = 28;
const SHOWN = 8;
const TEST = 200;

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

function rows(d: Digits, from: number, count: number): Mat {
  return Array.from({ length: count }, (_, k) => Array.from(digitIntensities(d, from + k)));
}

export type NoiseKind = "gaussian" | "masking";
type Noise = { kind: "gaussian"; eps: Mat } | { kind: "masking"; U: Mat; level: number };

function noiseFor(ctx: LabContext, kind: NoiseKind, level: number, n: number): Noise {
  return kind === "gaussian"
    ? { kind, eps: ctx.rng.gaussianMat(n, NV, level) }
    : { kind, U: ctx.rng.uniformMat(n, NV), level };
}

function mse(A: Mat, B: Mat): number {
  let s = 0;
  for (let r = 0; r < A.length; r++) for (let i = 0; i < A[r].length; i++) s += (A[r][i] - B[r][i]) ** 2;
  return s / (A.length * A[0].length);
}

/** One gradient step of Σ||x − x̂||² for x̂ = σ(Wd σ(W x̃ + b) + bd), from the student's X̃ and X̂. */
function daeStep(X: Mat, Xt: Mat, Xh: Mat, W: Mat, b: Vec, Wd: Mat, bd: Vec, eta: number) {
  const B = X.length;
  const m = b.length;
  const step = eta / B;
  const y = new Float64Array(m);
  const dy = new Float64Array(m);
  const dOut = new Float64Array(NV);
  const gW = Array.from({ length: m }, () => new Float64Array(NV));
  const gWd = Array.from({ length: NV }, () => new Float64Array(m));
  const gb = new Float64Array(m);
  const gbd = new Float64Array(NV);
  for (let r = 0; r < B; r++) {
    for (let j = 0; j < m; j++) {
      let z = b[j];
      const Wj = W[j];
      for (let i = 0; i < NV; i++) z += Wj[i] * Xt[r][i];
      y[j] = sigmoid(z);
    }
    dy.fill(0);
    for (let i = 0; i < NV; i++) {
      const xh = Xh[r][i];
      dOut[i] = 2 * (xh - X[r][i]) * xh * (1 - xh); // ∂/∂z_out of (x − x̂)²
      gbd[i] += dOut[i];
      const Wdi = Wd[i];
      const gi = gWd[i];
      for (let j = 0; j < m; j++) {
        gi[j] += dOut[i] * y[j];
        dy[j] += dOut[i] * Wdi[j];
      }
    }
    for (let j = 0; j < m; j++) {
      const dz = dy[j] * y[j] * (1 - y[j]);
      gb[j] += dz;
      const gj = gW[j];
      for (let i = 0; i < NV; i++) gj[i] += dz * Xt[r][i];
    }
  }
  for (let j = 0; j < m; j++) {
    b[j] -= step * gb[j];
    for (let i = 0; i < NV; i++) W[j][i] -= step * gW[j][i];
  }
  for (let i = 0; i < NV; i++) {
    bd[i] -= step * gbd[i];
    for (let j = 0; j < m; j++) Wd[i][j] -= step * gWd[i][j];
  }
}

export const daeLab: Experiment = async (ctx, params) => {
  const kind: NoiseKind = params.noise === "masking" ? "masking" : "gaussian";
  const level = param(params, "level", 0.3, 0, kind === "gaussian" ? 2 : 0.95);
  const m = Math.round(param(params, "hidden", 64, 4, 256));
  const epochs = Math.round(param(params, "epochs", 3, 1, 30));
  const sparseEpochs = Math.round(param(params, "sparseEpochs", 3, 0, 30));
  const batch = 20;
  const eta = param(params, "eta", 1, 1e-4, 10);
  const trainCount = Math.round(param(params, "train", 1000, batch, 8000));
  const rho = param(params, "rho", 0.05, 0.001, 0.5);
  const beta = param(params, "beta", 3, 0, 100);
  const lambda = param(params, "lambda", 1e-4, 0, 1);
  const d = await ctx.digits();
  const train = rows(d, 0, trainCount);
  const test = rows(d, trainCount, TEST);
  const batches = Math.floor(trainCount / batch);
  const total = epochs + sparseEpochs;

  // ---- denoising autoencoder
  const W = ctx.rng.gaussianMat(m, NV, 0.05);
  const b = new Array<number>(m).fill(0);
  const Wd = ctx.rng.gaussianMat(NV, m, 0.05);
  const bd = new Array<number>(NV).fill(0);
  const loss = (X: Mat, noise: Noise, what: { en: string; zh: string }) =>
    ctx.code.call<{ Xtilde: Mat; Xhat: Mat; loss: number }>(
      "daeLoss",
      [X, W, b, Wd, bd, noise],
      what,
      record({ Xtilde: matrix(X.length, NV), Xhat: matrix(X.length, NV), loss: number() }),
    );
  const evaluate = (epoch: number) => {
    const out = loss(
      test,
      noiseFor(ctx, kind, level, TEST),
      bi(`the ${TEST} test digits after epoch ${epoch}`, `第 ${epoch} 轮后的 ${TEST} 个测试数字`),
    );
    return { epoch, noisyMse: mse(out.Xtilde, test), denoisedMse: mse(out.Xhat, test), loss: out.loss / TEST, out };
  };
  const history: { epoch: number; noisyMse: number; denoisedMse: number; loss: number }[] = [];
  const show = (e: ReturnType<typeof evaluate>) => {
    history.push({ epoch: e.epoch, noisyMse: e.noisyMse, denoisedMse: e.denoisedMse, loss: e.loss });
    ctx.update({
      dae: {
        kind,
        level,
        history: history.slice(),
        original: test.slice(0, SHOWN).map((x) => unitImage(x, SIDE)),
        corrupted: e.out.Xtilde.slice(0, SHOWN).map((x) =>
          unitImage(
            x.map((v) => Math.min(1, Math.max(0, v))),
            SIDE,
          ),
        ),
        reconstructed: e.out.Xhat.slice(0, SHOWN).map((x) => unitImage(x, SIDE)),
      },
    });
  };
  show(evaluate(0));
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const order = ctx.rng.permutation(trainCount);
    for (let t = 0; t < batches; t++) {
      await ctx.progress(
        epoch - 1 + t / batches,
        total,
        bi(`denoising: epoch ${epoch} of ${epochs}`, `去噪：第 ${epoch} / ${epochs} 轮`),
      );
      const X = order.slice(t * batch, (t + 1) * batch).map((k) => train[k]);
      const out = loss(
        X,
        noiseFor(ctx, kind, level, batch),
        bi(`batch ${t + 1} of epoch ${epoch}`, `第 ${epoch} 轮的第 ${t + 1} 批`),
      );
      daeStep(X, out.Xtilde, out.Xhat, W, b, Wd, bd, eta);
    }
    show(evaluate(epoch));
  }

  // ---- sparse autoencoder with the student's cost and gradient
  if (sparseEpochs === 0) return;
  let W1 = ctx.rng.gaussianMat(m, NV, 0.05);
  let b1 = new Array<number>(m).fill(0);
  let W2 = ctx.rng.gaussianMat(NV, m, 0.05);
  let b2 = new Array<number>(NV).fill(0);
  const sparseEta = param(params, "sparseEta", 3, 1e-4, 100);
  const costs: { epoch: number; cost: number }[] = [];
  for (let epoch = 1; epoch <= sparseEpochs; epoch++) {
    const order = ctx.rng.permutation(trainCount);
    let cost = 0;
    for (let t = 0; t < batches; t++) {
      await ctx.progress(
        epochs + epoch - 1 + t / batches,
        total,
        bi(`sparse: epoch ${epoch} of ${sparseEpochs}`, `稀疏：第 ${epoch} / ${sparseEpochs} 轮`),
      );
      const X = order.slice(t * batch, (t + 1) * batch).map((k) => train[k]);
      const g = ctx.code.call<{ cost: number; dW1: Mat; db1: Vec; dW2: Mat; db2: Vec }>(
        "sparseAeCostGrad",
        [X, W1, b1, W2, b2, lambda, beta, rho],
        bi(`batch ${t + 1} of sparse epoch ${epoch}`, `稀疏训练第 ${epoch} 轮的第 ${t + 1} 批`),
        record({ cost: number(), dW1: matrix(m, NV), db1: vector(m), dW2: matrix(NV, m), db2: vector(NV) }),
      );
      cost += g.cost / batches;
      W1 = W1.map((row, j) => row.map((w, i) => w - sparseEta * g.dW1[j][i]));
      b1 = b1.map((v, j) => v - sparseEta * g.db1[j]);
      W2 = W2.map((row, i) => row.map((w, j) => w - sparseEta * g.dW2[i][j]));
      b2 = b2.map((v, i) => v - sparseEta * g.db2[i]);
    }
    costs.push({ epoch, cost });
    // ρ̂_j over the test digits: the encoder a = σ(W1 x + b1)
    const rhoHat = new Float64Array(m);
    for (const x of test)
      for (let j = 0; j < m; j++) {
        let z = b1[j];
        for (let i = 0; i < NV; i++) z += W1[j][i] * x[i];
        rhoHat[j] += sigmoid(z) / TEST;
      }
    ctx.update({
      sparse: {
        rho,
        beta,
        lambda,
        costs: costs.slice(),
        rhoHat: Array.from(rhoHat),
        filters: W1.map((row) => signedImage(row, SIDE)),
      },
    });
  }
  await ctx.progress(total, total, bi("done", "完成"));
};
