/**
 * Deep belief network (lecture 10.5): a stack of RBMs trained greedily, layer by layer.
 *
 * Layer l (l = 1..L) is an RBM with W_l `n_{l−1} × n_l`, visible bias a_l (n_{l−1}) and hidden bias b_l (n_l),
 * in the conventions of reference/rbm.ts. The data X0 is `B × n_0`, one sample per row.
 * The top two layers form an undirected RBM; the layers below are directed (DOMAIN.md §10.5).
 */

import { addRow, matmul, sampleMat, sigmoidMat, zeros, type Mat } from "./numerics";
import { uniformAwayFrom, type Rng } from "./random";
import { cd1, checkParams, safeCdUniforms, type RbmParams } from "./rbm";

/** How a layer's representation is passed up: P(h|v) probabilities, or binary samples 1[u < P(h|v)]. */
export type Propagation = "probabilities" | "samples";

function checkLayerInput(X: Mat, W: Mat, l: number, where: string): void {
  for (const row of X) {
    if (row.length !== W.length)
      throw new RangeError(
        `${where}: layer ${l + 1} expects ${W.length} inputs but its input has ${row.length} columns`,
      );
  }
}

/**
 * Up-pass by probabilities: H_0 = V (`B × n_0`), H_l = σ(b_l + H_{l−1} W_l) for l = 1..L.
 * Returns [H_1, …, H_L] (each `B × n_l`); the input V itself is not repeated.
 */
export function upPass(V: Mat, layers: RbmParams[]): Mat[] {
  const out: Mat[] = [];
  let X = V;
  layers.forEach((layer, l) => {
    checkParams(layer.W, layer.a, layer.b, "upPass");
    checkLayerInput(X, layer.W, l, "upPass");
    X = sigmoidMat(addRow(matmul(X, layer.W), layer.b));
    out.push(X);
  });
  return out;
}

/**
 * Up-pass by samples (the lecture's Q(h^l | h^{l−1})): H_0 = V,
 * H_l = 1[U_l < σ(b_l + H_{l−1} W_l)], each layer driven by the SAMPLED states of the layer below.
 * U holds L matrices, U[l−1] `B × n_l`. Returns [H_1, …, H_L], binary.
 */
export function upPassSample(V: Mat, layers: RbmParams[], U: Mat[]): Mat[] {
  if (U.length !== layers.length)
    throw new RangeError(
      `upPassSample: ${layers.length} layers need ${layers.length} uniform matrices, got ${U.length}`,
    );
  const out: Mat[] = [];
  let X = V;
  layers.forEach((layer, l) => {
    checkParams(layer.W, layer.a, layer.b, "upPassSample");
    checkLayerInput(X, layer.W, l, "upPassSample");
    X = sampleMat(sigmoidMat(addRow(matmul(X, layer.W), layer.b)), U[l]);
    out.push(X);
  });
  return out;
}

/** Both up-passes at once: {probs: upPass(V, layers), samples: upPassSample(V, layers, U)}. */
export function upPassBoth(V: Mat, layers: RbmParams[], U: Mat[]): { probs: Mat[]; samples: Mat[] } {
  return { probs: upPass(V, layers), samples: upPassSample(V, layers, U) };
}

/** Uniforms of one CD-1 epoch on a batch of B rows: Uh0 `B × n_h`, Uv1 `B × n_v`. */
export interface Cd1Uniforms {
  Uh0: Mat;
  Uv1: Mat;
}

/**
 * Greedy layer-wise pretraining with explicit inputs (the exercise form):
 * for l = 1..L: starting from init[l−1], run `epochs` full-batch CD-1 updates (reference/rbm.ts `cd1`) on X_{l−1},
 * epoch e using U[l−1][e]; then X_l = σ(b_l + X_{l−1} W_l) with the TRAINED layer l. X_0 = data.
 * Returns the L trained RBMs.
 */
export function greedyPretrainWith(
  data: Mat,
  init: RbmParams[],
  epochs: number,
  eta: number,
  U: Cd1Uniforms[][],
): RbmParams[] {
  if (!Number.isInteger(epochs) || epochs < 0)
    throw new RangeError(`greedyPretrain: epochs must be an integer ≥ 0, got ${epochs}`);
  if (U.length !== init.length)
    throw new RangeError(`greedyPretrain: need uniforms for ${init.length} layers, got ${U.length}`);
  const trained: RbmParams[] = [];
  let X = data;
  init.forEach((layer, l) => {
    if (U[l].length !== epochs)
      throw new RangeError(`greedyPretrain: layer ${l + 1} needs ${epochs} epochs of uniforms, got ${U[l].length}`);
    checkLayerInput(X, layer.W, l, "greedyPretrain");
    let p: RbmParams = { W: layer.W, a: layer.a, b: layer.b };
    for (let e = 0; e < epochs; e++) {
      const r = cd1(X, p.W, p.a, p.b, eta, U[l][e].Uh0, U[l][e].Uv1);
      p = { W: r.W, a: r.a, b: r.b };
    }
    trained.push(p);
    X = sigmoidMat(addRow(matmul(X, p.W), p.b));
  });
  return trained;
}

export interface PretrainOptions {
  /** Layer sizes [n_0, n_1, …, n_L]; n_0 must equal the data's column count. */
  sizes: number[];
  epochs: number;
  /** Learning rate η of CD-1. */
  eta: number;
  /** Seeded generator for the initial weights and every CD uniform. */
  rng: Rng;
  /** Rows per mini-batch (consecutive rows, no shuffling); default: the whole data set. */
  batchSize?: number;
  /** How X_l is computed from X_{l−1} after layer l is trained; default "probabilities" (DOMAIN.md §10.5). */
  propagate?: Propagation;
  /** Standard deviation of the initial weights N(0, σ²); default 0.01 (Hinton's guide). Biases start at 0. */
  initStd?: number;
}

/**
 * Greedy layer-wise pretraining of a DBN (lecture 10.5, algorithm 1), deterministic given the seed:
 * for l = 1..L: W_l ~ N(0, initStd²), a_l = b_l = 0; train by CD-1 for `epochs` passes over X_{l−1} in mini-batches
 * (uniforms drawn from rng); then X_l = σ(b_l + X_{l−1} W_l), or with propagate = "samples",
 * X_l = 1[U < σ(b_l + X_{l−1} W_l)] with U drawn from rng. Returns the trained layers.
 */
export function greedyPretrain(data: Mat, opts: PretrainOptions): RbmParams[] {
  const { sizes, epochs, eta, rng } = opts;
  const propagate = opts.propagate ?? "probabilities";
  const initStd = opts.initStd ?? 0.01;
  if (sizes.length < 2)
    throw new RangeError("greedyPretrain: sizes must list the visible size and at least one hidden size");
  if (data.length === 0) throw new RangeError("greedyPretrain: no data");
  if (data[0].length !== sizes[0])
    throw new RangeError(`greedyPretrain: data has ${data[0].length} columns but sizes[0] = ${sizes[0]}`);
  const batchSize = opts.batchSize ?? data.length;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`greedyPretrain: batchSize must be a positive integer, got ${batchSize}`);
  const layers: RbmParams[] = [];
  let X = data;
  for (let l = 1; l < sizes.length; l++) {
    const [nv, nh] = [sizes[l - 1], sizes[l]];
    let p: RbmParams = { W: rng.gaussianMat(nv, nh, initStd), a: zeros(nv), b: zeros(nh) };
    for (let e = 0; e < epochs; e++) {
      for (let start = 0; start < X.length; start += batchSize) {
        const V0 = X.slice(start, start + batchSize);
        const r = cd1(V0, p.W, p.a, p.b, eta, rng.uniformMat(V0.length, nh), rng.uniformMat(V0.length, nv));
        p = { W: r.W, a: r.a, b: r.b };
      }
    }
    layers.push(p);
    const P = sigmoidMat(addRow(matmul(X, p.W), p.b));
    X = propagate === "probabilities" ? P : sampleMat(P, rng.uniformMat(P.length, nh));
  }
  return layers;
}

// ---------------------------------------------------------------- uniforms for graded cases

/** Up-pass uniforms for a graded case: along the reference sampled pass, each ≥ 1e-6 from its threshold. */
export function safeUpPassUniforms(rng: Rng, V: Mat, layers: RbmParams[]): Mat[] {
  const U: Mat[] = [];
  let X = V;
  for (const layer of layers) {
    const P = sigmoidMat(addRow(matmul(X, layer.W), layer.b));
    const Ul = P.map((row) => row.map((p) => uniformAwayFrom(rng, p)));
    U.push(Ul);
    X = sampleMat(P, Ul);
  }
  return U;
}

/** Pretraining uniforms for a graded case: along the reference run of greedyPretrainWith, each ≥ 1e-6 from its threshold. */
export function safePretrainUniforms(
  rng: Rng,
  data: Mat,
  init: RbmParams[],
  epochs: number,
  eta: number,
): Cd1Uniforms[][] {
  const U: Cd1Uniforms[][] = [];
  let X = data;
  for (const layer of init) {
    let p: RbmParams = layer;
    const Ul: Cd1Uniforms[] = [];
    for (let e = 0; e < epochs; e++) {
      const u = safeCdUniforms(rng, X, p.W, p.a, p.b, 1);
      Ul.push({ Uh0: u.Uh0, Uv1: u.Uv[0] });
      const r = cd1(X, p.W, p.a, p.b, eta, u.Uh0, u.Uv[0]);
      p = { W: r.W, a: r.a, b: r.b };
    }
    U.push(Ul);
    X = sigmoidMat(addRow(matmul(X, p.W), p.b));
  }
  return U;
}
