/**
 * Sparse autoencoder in the UFLDL form (DOMAIN.md 10.7, "Sparse autoencoder").
 *
 * a = σ(W1 x + b1) (hidden, m units), x̂ = σ(W2 a + b2) (output, n units).
 * W1 is `m × n` (hidden × input, as everywhere in DOMAIN.md), W2 is `n × m`; X is `N × n`.
 *
 *   J = (1/N) Σ_n ½||x̂_n − x_n||² + (λ/2)(||W1||² + ||W2||²) + β Σ_j KL(ρ || ρ̂_j),
 *   ρ̂_j = (1/N) Σ_n a_j(x_n),
 *   KL(ρ||ρ̂) = ρ log(ρ/ρ̂) + (1−ρ) log((1−ρ)/(1−ρ̂)).
 */

import { addRow, matmul, sigmoidMat, sumRows, sumSquares, transpose, type Mat, type Vec } from "./numerics";

export interface SparseAEParams {
  /** `m × n` */
  W1: Mat;
  /** length m */
  b1: Vec;
  /** `n × m` */
  W2: Mat;
  /** length n */
  b2: Vec;
}

export interface SparseAEHyper {
  /** Weight decay λ (weights only, biases are not decayed). */
  lambda: number;
  /** Sparsity weight β. */
  beta: number;
  /** Target activation ρ ∈ (0,1). */
  rho: number;
}

export interface SparseAEGradient {
  cost: number;
  dW1: Mat;
  db1: Vec;
  dW2: Mat;
  db2: Vec;
}

/** KL(ρ||ρ̂) = ρ log(ρ/ρ̂) + (1−ρ) log((1−ρ)/(1−ρ̂)), for ρ, ρ̂ ∈ (0,1). */
export function klBernoulli(rho: number, rhoHat: number): number {
  return rho * Math.log(rho / rhoHat) + (1 - rho) * Math.log((1 - rho) / (1 - rhoHat));
}

/** dKL(ρ||ρ̂)/dρ̂ = −ρ/ρ̂ + (1−ρ)/(1−ρ̂). */
export function klBernoulliDerivative(rho: number, rhoHat: number): number {
  return -rho / rhoHat + (1 - rho) / (1 - rhoHat);
}

/** Sparsity penalty β Σ_j KL(ρ||ρ̂_j) for ρ̂ of length m. */
export function sparsityPenalty(rho: number, rhoHat: Vec, beta: number): number {
  let s = 0;
  for (const r of rhoHat) s += klBernoulli(rho, r);
  return beta * s;
}

/** ∂/∂ρ̂_j of the sparsity penalty: β(−ρ/ρ̂_j + (1−ρ)/(1−ρ̂_j)), length m. */
export function sparsityPenaltyGradient(rho: number, rhoHat: Vec, beta: number): Vec {
  return rhoHat.map((r) => beta * klBernoulliDerivative(rho, r));
}

/** Average activation ρ̂_j = (1/N) Σ_n A_nj of hidden activations A (`N × m`), length m. */
export function averageActivation(A: Mat): Vec {
  const N = A.length;
  if (N === 0) throw new RangeError("averageActivation: empty batch");
  return sumRows(A).map((s) => s / N);
}

/** Hidden activations A = σ(X W1ᵀ + b1), `N × m`, and outputs X̂ = σ(A W2ᵀ + b2), `N × n`. */
export function sparseAeForward(X: Mat, p: SparseAEParams): { A: Mat; Xhat: Mat } {
  const A = sigmoidMat(addRow(matmul(X, transpose(p.W1)), p.b1));
  return { A, Xhat: sigmoidMat(addRow(matmul(A, transpose(p.W2)), p.b2)) };
}

/** The sparse autoencoder cost J (formula in the module comment). */
export function sparseAeCost(X: Mat, p: SparseAEParams, h: SparseAEHyper): number {
  return sparseAeGradient(X, p, h).cost;
}

/**
 * Cost J and its gradient by backpropagation (UFLDL):
 *   δ3 = (x̂ − x) ⊙ x̂(1 − x̂),
 *   δ2 = (W2ᵀ δ3 + β(−ρ/ρ̂ + (1−ρ)/(1−ρ̂))) ⊙ a(1 − a),
 *   ∇W2 = (1/N) Σ_n δ3 aᵀ + λ W2,   ∇b2 = (1/N) Σ_n δ3,
 *   ∇W1 = (1/N) Σ_n δ2 xᵀ + λ W1,   ∇b1 = (1/N) Σ_n δ2   (biases are not decayed).
 */
export function sparseAeGradient(X: Mat, p: SparseAEParams, h: SparseAEHyper): SparseAEGradient {
  const N = X.length;
  if (N === 0) throw new RangeError("sparseAeGradient: empty batch");
  const { A, Xhat } = sparseAeForward(X, p);
  const rhoHat = averageActivation(A);
  const sparse = sparsityPenaltyGradient(h.rho, rhoHat, h.beta);

  let recon = 0;
  for (let i = 0; i < N; i++) for (let k = 0; k < X[i].length; k++) recon += 0.5 * (Xhat[i][k] - X[i][k]) ** 2;
  const cost =
    recon / N + (h.lambda / 2) * (sumSquares(p.W1) + sumSquares(p.W2)) + sparsityPenalty(h.rho, rhoHat, h.beta);

  const d3 = Xhat.map((row, i) => row.map((xh, k) => (xh - X[i][k]) * xh * (1 - xh)));
  const d2 = matmul(d3, p.W2).map((row, i) => row.map((v, j) => (v + sparse[j]) * A[i][j] * (1 - A[i][j])));
  const avgPlusDecay = (G: Mat, W: Mat) => G.map((row, i) => row.map((v, j) => v / N + h.lambda * W[i][j]));
  return {
    cost,
    dW1: avgPlusDecay(matmul(transpose(d2), X), p.W1),
    db1: sumRows(d2).map((v) => v / N),
    dW2: avgPlusDecay(matmul(transpose(d3), A), p.W2),
    db2: sumRows(d3).map((v) => v / N),
  };
}

/** Running average across mini-batches: ρ̂^(t) = λ_avg ρ̂^(t−1) + (1 − λ_avg) ρ̂_batch (vectors of length m). */
export function runningAverage(prev: Vec, batch: Vec, lambdaAvg: number): Vec {
  return prev.map((r, j) => lambdaAvg * r + (1 - lambdaAvg) * batch[j]);
}

/**
 * The running average over a sequence of mini-batches of hidden activations (each `N_t × m`),
 * starting from ρ̂^(0) = rho0: returns [ρ̂^(1), …, ρ̂^(T)] (`T × m`).
 */
export function runningAverageSequence(rho0: Vec, batches: Mat[], lambdaAvg: number): Mat {
  const out: Mat = [];
  let r = rho0;
  for (const A of batches) {
    r = runningAverage(r, averageActivation(A), lambdaAvg);
    out.push(r);
  }
  return out;
}

// ---------------------------------------------------------------- exercise entry points (plain arguments)

/**
 * Exercise 10.7 sparse-kl: from hidden activations A (`N × m`, entries in (0,1)),
 * ρ̂ = batch mean, penalty = β Σ_j KL(ρ||ρ̂_j), and dPenalty_j = ∂penalty/∂ρ̂_j = β(−ρ/ρ̂_j + (1−ρ)/(1−ρ̂_j)).
 */
export function sparseKl(A: Mat, rho: number, beta: number): { rhoHat: Vec; penalty: number; dPenalty: Vec } {
  const rhoHat = averageActivation(A);
  return { rhoHat, penalty: sparsityPenalty(rho, rhoHat, beta), dPenalty: sparsityPenaltyGradient(rho, rhoHat, beta) };
}

/** Exercise 10.7 sparse-ae-gradient: `sparseAeGradient` with plain arguments. */
export function sparseAeCostGrad(
  X: Mat,
  W1: Mat,
  b1: Vec,
  W2: Mat,
  b2: Vec,
  lambda: number,
  beta: number,
  rho: number,
): SparseAEGradient {
  return sparseAeGradient(X, { W1, b1, W2, b2 }, { lambda, beta, rho });
}
