/**
 * Restricted Boltzmann machine (lecture 10.3), binary visible and hidden units.
 *
 * Conventions (DOMAIN.md §10.3): v ∈ {0,1}^{n_v}, h ∈ {0,1}^{n_h}; W is `n_v × n_h`
 * (w_ij joins visible i and hidden j); a is the visible bias (length n_v), b the
 * hidden bias (length n_h). A batch V is `B × n_v`, one sample per row; H is `B × n_h`.
 * Sampling is `1[u < p]` with the uniforms passed in; nothing here calls Math.random.
 * Functions never mutate their arguments.
 */

import {
  addMat,
  addRow,
  allBinary,
  dot,
  logsumexp,
  matmul,
  matvec,
  sampleMat,
  scaleMat,
  shape,
  sigmoid,
  sigmoidMat,
  softplus,
  subMat,
  sumRows,
  transpose,
  vecmat,
  zeros,
  zerosMat,
  type Mat,
  type Vec,
} from "./numerics";
import { uniformAwayFrom, type Rng } from "./random";

/** The parameters of one RBM: W `n_v × n_h`, visible bias a (n_v), hidden bias b (n_h). */
export interface RbmParams {
  W: Mat;
  a: Vec;
  b: Vec;
}

/** Parameters after a training step, with the negative-phase visible state it used. */
export interface CdResult extends RbmParams {
  /** The reconstruction V_k (`B × n_v`): binary in canonical CD-k, probabilities in the probability variant. */
  Vk: Mat;
}

/** Throws a RangeError unless W is `n_v × n_h` with length-n_v a and length-n_h b. */
export function checkParams(W: Mat, a: Vec, b: Vec, where = "rbm"): [number, number] {
  const [nv, nh] = shape(W);
  if (a.length !== nv)
    throw new RangeError(`${where}: W is ${nv} × ${nh} but a has length ${a.length} (expected n_v = ${nv})`);
  if (b.length !== nh)
    throw new RangeError(`${where}: W is ${nv} × ${nh} but b has length ${b.length} (expected n_h = ${nh})`);
  for (const row of W)
    if (row.length !== nh)
      throw new RangeError(`${where}: W is ragged (a row has length ${row.length}, expected ${nh})`);
  return [nv, nh];
}

function checkBatch(M: Mat, cols: number, name: string, where: string): void {
  for (const row of M)
    if (row.length !== cols)
      throw new RangeError(`${where}: ${name} must have ${cols} columns, a row has ${row.length}`);
}

// ---------------------------------------------------------------- energy and conditionals

/** E(v,h) = −aᵀv − bᵀh − vᵀWh for one pair v (n_v), h (n_h). */
export function energy(v: Vec, h: Vec, W: Mat, a: Vec, b: Vec): number {
  checkParams(W, a, b, "energy");
  return -dot(a, v) - dot(b, h) - dot(v, matvec(W, h));
}

/** E(V_r, H_r) for every row r of a batch: V `B × n_v`, H `B × n_h`; returns length B. */
export function energyBatch(V: Mat, H: Mat, W: Mat, a: Vec, b: Vec): Vec {
  if (V.length !== H.length) throw new RangeError(`energyBatch: V has ${V.length} rows but H has ${H.length}`);
  return V.map((v, r) => energy(v, H[r], W, a, b));
}

/** P(h_j = 1 | v) = σ(b_j + Σ_i w_ij v_i) for one v (n_v); returns length n_h. */
export function hiddenProbs(v: Vec, W: Mat, b: Vec): Vec {
  return vecmat(v, W).map((z, j) => sigmoid(z + b[j]));
}

/** P(v_i = 1 | h) = σ(a_i + Σ_j w_ij h_j) for one h (n_h); returns length n_v. */
export function visibleProbs(h: Vec, W: Mat, a: Vec): Vec {
  return matvec(W, h).map((z, i) => sigmoid(z + a[i]));
}

/** Ph = σ(b + V W) for a batch V `B × n_v`; returns `B × n_h`. */
export function hiddenProbsBatch(V: Mat, W: Mat, b: Vec): Mat {
  checkBatch(V, W.length, "V", "hiddenProbsBatch");
  return sigmoidMat(addRow(matmul(V, W), b));
}

/** Pv = σ(a + H Wᵀ) for a batch H `B × n_h`; returns `B × n_v`. */
export function visibleProbsBatch(H: Mat, W: Mat, a: Vec): Mat {
  checkBatch(H, shape(W)[1], "H", "visibleProbsBatch");
  return sigmoidMat(addRow(matmul(H, transpose(W)), a));
}

/** Both conditionals of a batch: {Ph: σ(b + V W) (`B × n_h`), Pv: σ(a + H Wᵀ) (`B × n_v`)} for V `B × n_v`, H `B × n_h`. */
export function conditionals(V: Mat, H: Mat, W: Mat, a: Vec, b: Vec): { Ph: Mat; Pv: Mat } {
  checkParams(W, a, b, "conditionals");
  return { Ph: hiddenProbsBatch(V, W, b), Pv: visibleProbsBatch(H, W, a) };
}

/** H = 1[U < σ(b + V W)], U `B × n_h` uniforms in [0,1). */
export function sampleHidden(V: Mat, W: Mat, b: Vec, U: Mat): Mat {
  return sampleMat(hiddenProbsBatch(V, W, b), U);
}

/** V = 1[U < σ(a + H Wᵀ)], U `B × n_v` uniforms in [0,1). */
export function sampleVisible(H: Mat, W: Mat, a: Vec, U: Mat): Mat {
  return sampleMat(visibleProbsBatch(H, W, a), U);
}

// ---------------------------------------------------------------- free energy and exact quantities

/** F(v) = −aᵀv − Σ_j softplus(b_j + (vᵀW)_j) = −log Σ_h e^{−E(v,h)}; stable softplus, finite for any finite input. */
export function freeEnergy(v: Vec, W: Mat, a: Vec, b: Vec): number {
  checkParams(W, a, b, "freeEnergy");
  const z = vecmat(v, W);
  let s = 0;
  for (let j = 0; j < z.length; j++) s += softplus(z[j] + b[j]);
  return -dot(a, v) - s;
}

/** F(V_r) for every row of V `B × n_v`; returns length B. */
export function freeEnergyBatch(V: Mat, W: Mat, a: Vec, b: Vec): Vec {
  return V.map((v) => freeEnergy(v, W, a, b));
}

/** Which layer exact computations enumerate: "auto" picks the smaller one (ties: hidden). */
export type EnumerateLayer = "visible" | "hidden" | "auto";

/** Largest layer size the exact functions agree to enumerate (2^16 states). */
export const MAX_ENUMERATED_UNITS = 16;

function pickLayer(nv: number, nh: number, over: EnumerateLayer, where: string): "visible" | "hidden" {
  const layer = over === "auto" ? (nh <= nv ? "hidden" : "visible") : over;
  const n = layer === "hidden" ? nh : nv;
  if (n > MAX_ENUMERATED_UNITS)
    throw new RangeError(
      `${where}: cannot enumerate the ${layer} layer of ${n} units (at most ${MAX_ENUMERATED_UNITS})`,
    );
  return layer;
}

/**
 * Exact log Z = log Σ_{v,h} e^{−E(v,h)}, by logsumexp over one layer:
 * - hidden: log Z = logsumexp_h [bᵀh + Σ_i softplus(a_i + (W h)_i)];
 * - visible: log Z = logsumexp_v [−F(v)].
 * `over` = "auto" enumerates the smaller layer. Needs that layer ≤ 16 units.
 */
export function logZ(W: Mat, a: Vec, b: Vec, over: EnumerateLayer = "auto"): number {
  const [nv, nh] = checkParams(W, a, b, "logZ");
  if (pickLayer(nv, nh, over, "logZ") === "visible")
    return logsumexp(allBinary(nv).map((v) => -freeEnergy(v, W, a, b)));
  return logsumexp(
    allBinary(nh).map((h) => {
      const z = matvec(W, h);
      let s = dot(b, h);
      for (let i = 0; i < nv; i++) s += softplus(a[i] + z[i]);
      return s;
    }),
  );
}

/** log P(v) = −F(v) − log Z, for one v (n_v); exact, small models only. */
export function logProb(v: Vec, W: Mat, a: Vec, b: Vec, over: EnumerateLayer = "auto"): number {
  return -freeEnergy(v, W, a, b) - logZ(W, a, b, over);
}

/** Mean exact log-likelihood (1/B) Σ_r log P(V_r) of a batch V `B × n_v`. */
export function meanLogLikelihood(V: Mat, W: Mat, a: Vec, b: Vec): number {
  const lz = logZ(W, a, b);
  let s = 0;
  for (const v of V) s -= freeEnergy(v, W, a, b) + lz;
  return s / V.length;
}

/**
 * Model expectations by enumerating v (n_v ≤ 16):
 * E_model[v_i P(h_j=1|v)] (`n_v × n_h`), E_model[v_i] (n_v), E_model[P(h_j=1|v)] (n_h).
 */
export function modelStatistics(W: Mat, a: Vec, b: Vec): RbmParams {
  const [nv, nh] = checkParams(W, a, b, "modelStatistics");
  pickLayer(nv, nh, "visible", "modelStatistics");
  const states = allBinary(nv);
  const lz = logZ(W, a, b);
  const EW = zerosMat(nv, nh);
  const Ea = zeros(nv);
  const Eb = zeros(nh);
  for (const v of states) {
    const p = Math.exp(-freeEnergy(v, W, a, b) - lz);
    const ph = hiddenProbs(v, W, b);
    for (let i = 0; i < nv; i++) {
      if (v[i] === 0) continue;
      Ea[i] += p;
      for (let j = 0; j < nh; j++) EW[i][j] += p * ph[j];
    }
    for (let j = 0; j < nh; j++) Eb[j] += p * ph[j];
  }
  return { W: EW, a: Ea, b: Eb };
}

/**
 * Exact gradient of log P(v) for one v (DOMAIN.md §10.3), exact by enumerating v:
 * ∂/∂w_ij = v_i P(h_j=1|v) − E_model[v_i P(h_j=1|v)];  ∂/∂a_i = v_i − E_model[v_i];
 * ∂/∂b_j = P(h_j=1|v) − E_model[P(h_j=1|v)]   (a minus sign: the slide's '+' is a typo).
 */
export function likelihoodGradient(v: Vec, W: Mat, a: Vec, b: Vec): RbmParams {
  return likelihoodGradientBatch([v], W, a, b);
}

/**
 * Exact gradient of the MEAN log-likelihood (1/B) Σ_r log P(V_r) of a batch V `B × n_v`:
 * the per-sample gradients above, averaged over the rows (the model term is shared).
 */
export function likelihoodGradientBatch(V: Mat, W: Mat, a: Vec, b: Vec): RbmParams {
  const [nv] = checkParams(W, a, b, "likelihoodGradient");
  if (V.length === 0) throw new RangeError("likelihoodGradient: empty batch");
  checkBatch(V, nv, "V", "likelihoodGradient");
  const model = modelStatistics(W, a, b);
  const B = V.length;
  const Ph = hiddenProbsBatch(V, W, b);
  const gW = matmul(transpose(V), Ph).map((row, i) => row.map((x, j) => x / B - model.W[i][j]));
  const ga = sumRows(V).map((x, i) => x / B - model.a[i]);
  const gb = sumRows(Ph).map((x, j) => x / B - model.b[j]);
  return { W: gW, a: ga, b: gb };
}

// ---------------------------------------------------------------- contrastive divergence

/**
 * Uniforms for canonical CD-k on a batch of B rows:
 * - Uh0: `B × n_h`, samples H0 from Ph0;
 * - Uv: k matrices `B × n_v`, Uv[t−1] samples V_t from Pv_t (t = 1..k);
 * - Uh: k−1 matrices `B × n_h`, Uh[t−1] samples H_t from Ph_t (t = 1..k−1; H_k is never sampled).
 */
export interface CdUniforms {
  Uh0: Mat;
  Uv: Mat[];
  Uh: Mat[];
}

/**
 * Applies the CD update from the four statistics (DOMAIN.md §10.3, step 3):
 * ΔW = η/B (V0ᵀ Ph0 − Vkᵀ Phk), Δa = η/B Σ_rows (V0 − Vk), Δb = η/B Σ_rows (Ph0 − Phk).
 * `Bneg` divides the negative statistics (it equals B except in PCD with a different chain count).
 */
export function cdUpdate(
  W: Mat,
  a: Vec,
  b: Vec,
  eta: number,
  V0: Mat,
  Ph0: Mat,
  Vk: Mat,
  Phk: Mat,
  Bneg = Vk.length,
): RbmParams {
  const B = V0.length;
  const pos = scaleMat(matmul(transpose(V0), Ph0), eta / B);
  const neg = scaleMat(matmul(transpose(Vk), Phk), eta / Bneg);
  const sV0 = sumRows(V0);
  const sVk = sumRows(Vk);
  const sPh0 = sumRows(Ph0);
  const sPhk = sumRows(Phk);
  return {
    W: addMat(W, subMat(pos, neg)),
    a: a.map((x, i) => x + (eta / B) * sV0[i] - (eta / Bneg) * sVk[i]),
    b: b.map((x, j) => x + (eta / B) * sPh0[j] - (eta / Bneg) * sPhk[j]),
  };
}

function checkUniforms(U: Mat, rows: number, cols: number, name: string, where: string): void {
  if (!Array.isArray(U) || U.length !== rows) throw new RangeError(`${where}: ${name} must be ${rows} × ${cols}`);
  checkBatch(U, cols, name, where);
}

/**
 * Canonical CD-k (DOMAIN.md §10.3) on a batch V0 `B × n_v`, learning rate η, k ≥ 1:
 * Ph0 = σ(b + V0 W), H0 = 1[Uh0 < Ph0]; for t = 1..k: Pv_t = σ(a + H_{t−1} Wᵀ), V_t = 1[Uv_t < Pv_t],
 * Ph_t = σ(b + V_t W), H_t = 1[Uh_t < Ph_t] (skipped at t = k). Statistics use Ph0 and Phk (see cdUpdate).
 * Returns the updated W, a, b and the binary reconstruction Vk.
 */
export function cdk(V0: Mat, W: Mat, a: Vec, b: Vec, eta: number, k: number, U: CdUniforms): CdResult {
  const [nv, nh] = checkParams(W, a, b, "cdk");
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`cdk: k must be an integer ≥ 1, got ${k}`);
  const B = V0.length;
  if (B === 0) throw new RangeError("cdk: empty batch");
  checkBatch(V0, nv, "V0", "cdk");
  checkUniforms(U.Uh0, B, nh, "Uh0", "cdk");
  if (U.Uv.length !== k) throw new RangeError(`cdk: Uv must hold k = ${k} matrices, got ${U.Uv.length}`);
  if (U.Uh.length !== k - 1) throw new RangeError(`cdk: Uh must hold k − 1 = ${k - 1} matrices, got ${U.Uh.length}`);
  U.Uv.forEach((M, t) => checkUniforms(M, B, nv, `Uv[${t}]`, "cdk"));
  U.Uh.forEach((M, t) => checkUniforms(M, B, nh, `Uh[${t}]`, "cdk"));

  const Ph0 = hiddenProbsBatch(V0, W, b);
  let H = sampleMat(Ph0, U.Uh0);
  let V = V0;
  let Ph = Ph0;
  for (let t = 1; t <= k; t++) {
    V = sampleMat(visibleProbsBatch(H, W, a), U.Uv[t - 1]);
    Ph = hiddenProbsBatch(V, W, b);
    if (t < k) H = sampleMat(Ph, U.Uh[t - 1]);
  }
  return { ...cdUpdate(W, a, b, eta, V0, Ph0, V, Ph), Vk: V };
}

/** CD-1: cdk with k = 1; Uh0 `B × n_h`, Uv1 `B × n_v`. Returns {W, a, b, Vk}. */
export function cd1(V0: Mat, W: Mat, a: Vec, b: Vec, eta: number, Uh0: Mat, Uv1: Mat): CdResult {
  return cdk(V0, W, a, b, eta, 1, { Uh0, Uv: [Uv1], Uh: [] });
}

/**
 * CD-k with reconstruction by probabilities (Hinton, "A practical guide to training RBMs", §3):
 * H0 = 1[Uh0 < Ph0] (hidden units driven by data are sampled);
 * for t = 1..k: V_t = Pv_t = σ(a + H_{t−1} Wᵀ) (no visible sampling), Ph_t = σ(b + V_t W),
 * H_t = 1[Uh[t−1] < Ph_t] for t < k. Statistics as cdUpdate with Vk = Pv_k.
 * Uniforms: Uh0 `B × n_h` and Uh, k−1 matrices `B × n_h` (no visible uniforms). Returns Vk = Pv_k.
 */
export function cdkProbabilities(
  V0: Mat,
  W: Mat,
  a: Vec,
  b: Vec,
  eta: number,
  k: number,
  U: { Uh0: Mat; Uh: Mat[] },
): CdResult {
  const [nv, nh] = checkParams(W, a, b, "cdkProbabilities");
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`cdkProbabilities: k must be an integer ≥ 1, got ${k}`);
  const B = V0.length;
  checkBatch(V0, nv, "V0", "cdkProbabilities");
  checkUniforms(U.Uh0, B, nh, "Uh0", "cdkProbabilities");
  if (U.Uh.length !== k - 1)
    throw new RangeError(`cdkProbabilities: Uh must hold k − 1 = ${k - 1} matrices, got ${U.Uh.length}`);
  const Ph0 = hiddenProbsBatch(V0, W, b);
  let H = sampleMat(Ph0, U.Uh0);
  let V = V0;
  let Ph = Ph0;
  for (let t = 1; t <= k; t++) {
    V = visibleProbsBatch(H, W, a);
    Ph = hiddenProbsBatch(V, W, b);
    if (t < k) H = sampleMat(Ph, U.Uh[t - 1]);
  }
  return { ...cdUpdate(W, a, b, eta, V0, Ph0, V, Ph), Vk: V };
}

/** Uniforms for k PCD Gibbs steps on a chain of M rows: Uh[t] `M × n_h`, Uv[t] `M × n_v`, t = 0..k−1. */
export interface PcdUniforms {
  Uh: Mat[];
  Uv: Mat[];
}

/** Result of a PCD step: updated parameters and the advanced persistent chain (`M × n_v`, binary). */
export interface PcdResult extends RbmParams {
  chain: Mat;
}

/**
 * Persistent CD (Tieleman 2008), k = Uh.length ≥ 1 Gibbs steps:
 * positive phase Ph0 = σ(b + V0 W) from the data V0 `B × n_v`;
 * the negative chain starts at the persistent binary state `chain` (`M × n_v`, NOT the data), and each step does
 * H = 1[Uh[t] < σ(b + C W)], C = 1[Uv[t] < σ(a + H Wᵀ)]; then Phk = σ(b + C W).
 * Update (old parameters for both phases): ΔW = η (V0ᵀPh0 / B − Cᵀ Phk / M), Δa = η (Σ V0 / B − Σ C / M),
 * Δb = η (Σ Ph0 / B − Σ Phk / M). Returns {W, a, b, chain: C}.
 */
export function pcdStep(V0: Mat, W: Mat, a: Vec, b: Vec, eta: number, chain: Mat, U: PcdUniforms): PcdResult {
  const [nv, nh] = checkParams(W, a, b, "pcdStep");
  const M = chain.length;
  if (V0.length === 0 || M === 0) throw new RangeError("pcdStep: empty batch or chain");
  checkBatch(V0, nv, "V0", "pcdStep");
  checkBatch(chain, nv, "chain", "pcdStep");
  const k = U.Uh.length;
  if (k < 1 || U.Uv.length !== k)
    throw new RangeError(`pcdStep: Uh and Uv must both hold k ≥ 1 matrices (got ${U.Uh.length} and ${U.Uv.length})`);
  U.Uh.forEach((X, t) => checkUniforms(X, M, nh, `Uh[${t}]`, "pcdStep"));
  U.Uv.forEach((X, t) => checkUniforms(X, M, nv, `Uv[${t}]`, "pcdStep"));
  const Ph0 = hiddenProbsBatch(V0, W, b);
  let C = chain;
  for (let t = 0; t < k; t++) {
    const H = sampleHidden(C, W, b, U.Uh[t]);
    C = sampleVisible(H, W, a, U.Uv[t]);
  }
  const Phk = hiddenProbsBatch(C, W, b);
  return { ...cdUpdate(W, a, b, eta, V0, Ph0, C, Phk, M), chain: C };
}

// ---------------------------------------------------------------- monitoring

/**
 * Reconstruction error Σ_{r,i} (V0 − Pv1)², with H0 = 1[Uh0 < σ(b + V0 W)] and Pv1 = σ(a + H0 Wᵀ)
 * (the first step of the CD chain; Uh0 `B × n_h`). Hinton calls it a poor measure of progress.
 */
export function reconstructionError(V0: Mat, W: Mat, a: Vec, b: Vec, Uh0: Mat): number {
  checkParams(W, a, b, "reconstructionError");
  const Pv1 = visibleProbsBatch(sampleHidden(V0, W, b, Uh0), W, a);
  let s = 0;
  V0.forEach((row, r) => row.forEach((x, i) => (s += (x - Pv1[r][i]) ** 2)));
  return s;
}

/**
 * Stochastic pseudo-likelihood of one v with flipped bit i: n_v · log σ(F(ṽ) − F(v)),
 * where ṽ is v with ṽ_i = 1 − v_i. (Approximates Σ_i log P(v_i | v_{−i}).)
 */
export function pseudoLikelihood(v: Vec, W: Mat, a: Vec, b: Vec, i: number): number {
  const nv = v.length;
  if (!Number.isInteger(i) || i < 0 || i >= nv)
    throw new RangeError(`pseudoLikelihood: bit index ${i} out of range 0..${nv - 1}`);
  const flipped = v.slice();
  flipped[i] = 1 - v[i];
  // log σ(x) = −softplus(−x)
  return -nv * softplus(-(freeEnergy(flipped, W, a, b) - freeEnergy(v, W, a, b)));
}

/** Batch mean (1/B) Σ_r n_v · log σ(F(ṽ_r) − F(V_r)), with flip[r] the bit flipped in row r of V `B × n_v`. */
export function pseudoLikelihoodBatch(V: Mat, W: Mat, a: Vec, b: Vec, flip: number[]): number {
  if (flip.length !== V.length)
    throw new RangeError(`pseudoLikelihoodBatch: flip has ${flip.length} indices for ${V.length} rows`);
  let s = 0;
  V.forEach((v, r) => (s += pseudoLikelihood(v, W, a, b, flip[r])));
  return s / V.length;
}

/** Mean free energy (1/B) Σ_r F(V_r); compare on training vs validation data to watch overfitting. */
export function meanFreeEnergy(V: Mat, W: Mat, a: Vec, b: Vec): number {
  let s = 0;
  for (const v of V) s += freeEnergy(v, W, a, b);
  return s / V.length;
}

// ---------------------------------------------------------------- annealed importance sampling

export interface AisOptions {
  /** Seeded generator for every draw. */
  rng: Rng;
  /** Number of independent AIS runs M (≥ 2). */
  runs: number;
  /** Either the number K ≥ 1 of transitions (β_k = k/K, k = 0..K), or an explicit increasing schedule from 0 to 1. */
  betas: number | Vec;
  /** Visible biases a_A of the base-rate RBM (W_A = 0, b_A = 0); default: the target's own a. */
  baseVisibleBias?: Vec;
}

export interface AisResult {
  /** log Ẑ = log Z_A + log((1/M) Σ_m w_m). */
  logZ: number;
  /** Delta-method standard error of log Ẑ: sd(w) / (√M · mean(w)), computed in log space. */
  stdErr: number;
  /** The M log importance weights. */
  logWeights: Vec;
}

/**
 * AIS estimate of log Z (Salakhutdinov & Murray 2008, §3–4).
 * Base: a_A (default a), W_A = 0, b_A = 0, so log Z_A = Σ_i softplus(a_A,i) + n_h log 2 and v ~ Bernoulli(σ(a_A)) exactly.
 * Intermediate unnormalised marginals: log f_β(v) = (1−β) a_Aᵀv + β aᵀv + Σ_j softplus(β(b_j + (vᵀW)_j));
 * at β = 0 the softplus terms are n_h log 2, the base's summed-out hidden units, so f_0 is the base marginal.
 * Transition T_β (leaves f_β invariant): h = 1[u < σ(β(b + vᵀW))], v = 1[u < σ((1−β) a_A + β(a + W h))].
 * Weight: log w = Σ_{k=1..K} [log f_{β_k}(v_{k−1}) − log f_{β_{k−1}}(v_{k−1})], with v_k = T_{β_k}(v_{k−1}).
 */
export function aisLogZ(W: Mat, a: Vec, b: Vec, opts: AisOptions): AisResult {
  const [nv, nh] = checkParams(W, a, b, "aisLogZ");
  const { rng, runs } = opts;
  if (!Number.isInteger(runs) || runs < 2) throw new RangeError(`aisLogZ: runs must be an integer ≥ 2, got ${runs}`);
  const betas =
    typeof opts.betas === "number"
      ? Array.from({ length: opts.betas + 1 }, (_, k) => k / (opts.betas as number))
      : opts.betas;
  if (
    betas.length < 2 ||
    betas[0] !== 0 ||
    betas[betas.length - 1] !== 1 ||
    betas.some((x, k) => k > 0 && x < betas[k - 1])
  ) {
    throw new RangeError("aisLogZ: betas must increase from 0 to 1 (or be a count K ≥ 1)");
  }
  const aA = opts.baseVisibleBias ?? a;
  if (aA.length !== nv) throw new RangeError(`aisLogZ: baseVisibleBias has length ${aA.length}, expected ${nv}`);
  const LN2 = Math.log(2);
  const logZA = aA.reduce((s, x) => s + softplus(x), 0) + nh * LN2;
  const logF = (v: Vec, beta: number): number => {
    const z = vecmat(v, W);
    let s = (1 - beta) * dot(aA, v) + beta * dot(a, v);
    for (let j = 0; j < nh; j++) s += softplus(beta * (b[j] + z[j]));
    return s;
  };
  const logWeights = zeros(runs);
  for (let m = 0; m < runs; m++) {
    let v = aA.map((x) => (rng.uniform() < sigmoid(x) ? 1 : 0));
    let lw = 0;
    for (let k = 1; k < betas.length; k++) {
      const beta = betas[k];
      lw += logF(v, beta) - logF(v, betas[k - 1]);
      if (k === betas.length - 1) break;
      const z = vecmat(v, W);
      const h = z.map((zj, j) => (rng.uniform() < sigmoid(beta * (b[j] + zj)) ? 1 : 0));
      const wh = matvec(W, h);
      v = wh.map((x, i) => (rng.uniform() < sigmoid((1 - beta) * aA[i] + beta * (a[i] + x)) ? 1 : 0));
    }
    logWeights[m] = lw;
  }
  const logMean = logsumexp(logWeights) - Math.log(runs);
  // w_m / mean(w) = exp(log w_m − log mean); var of the ratio with Bessel's correction.
  let ss = 0;
  for (const lw of logWeights) ss += (Math.exp(lw - logMean) - 1) ** 2;
  const stdErr = Math.sqrt(ss / (runs - 1)) / Math.sqrt(runs);
  return { logZ: logZA + logMean, stdErr, logWeights };
}

// ---------------------------------------------------------------- uniforms for graded cases

function awayMat(rng: Rng, P: Mat): Mat {
  return P.map((row) => row.map((p) => uniformAwayFrom(rng, p)));
}

/**
 * CD-k uniforms for a graded case: drawn from rng along the reference chain of cdk(V0, W, a, b, ·, k, ·),
 * each kept ≥ 1e-6 from the probability it is compared with (DOMAIN.md "Binary states"), so no sample can tie.
 */
export function safeCdUniforms(rng: Rng, V0: Mat, W: Mat, a: Vec, b: Vec, k: number): CdUniforms {
  const Uh0 = awayMat(rng, hiddenProbsBatch(V0, W, b));
  let H = sampleMat(hiddenProbsBatch(V0, W, b), Uh0);
  const Uv: Mat[] = [];
  const Uh: Mat[] = [];
  for (let t = 1; t <= k; t++) {
    const Pv = visibleProbsBatch(H, W, a);
    Uv.push(awayMat(rng, Pv));
    const V = sampleMat(Pv, Uv[t - 1]);
    if (t < k) {
      const Ph = hiddenProbsBatch(V, W, b);
      Uh.push(awayMat(rng, Ph));
      H = sampleMat(Ph, Uh[t - 1]);
    }
  }
  return { Uh0, Uv, Uh };
}

/** PCD uniforms for a graded case: k steps along the reference chain of pcdStep from `chain`, each ≥ 1e-6 from its threshold. */
export function safePcdUniforms(rng: Rng, chain: Mat, W: Mat, a: Vec, b: Vec, k: number): PcdUniforms {
  const Uh: Mat[] = [];
  const Uv: Mat[] = [];
  let C = chain;
  for (let t = 0; t < k; t++) {
    const Ph = hiddenProbsBatch(C, W, b);
    Uh.push(awayMat(rng, Ph));
    const Pv = visibleProbsBatch(sampleMat(Ph, Uh[t]), W, a);
    Uv.push(awayMat(rng, Pv));
    C = sampleMat(Pv, Uv[t]);
  }
  return { Uh, Uv };
}

/** A random RBM for tests and cases: W ~ N(0, std²) `n_v × n_h`, a ~ N(0, std²), b ~ N(0, std²). */
export function randomRbm(rng: Rng, nv: number, nh: number, std = 1): RbmParams {
  return { W: rng.gaussianMat(nv, nh, std), a: rng.gaussianVec(nv, std), b: rng.gaussianVec(nh, std) };
}
