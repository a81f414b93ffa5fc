/**
 * Gradient check utility (DOMAIN.md 10.7, "Gradient check utility").
 *
 * Central differences  ĝ_i = (f(θ + ε e_i) − f(θ − ε e_i)) / (2ε),  ε = 1e-5 by default,
 * and the relative error  |g − ĝ| / max(1e-8, |g| + |ĝ|)  between an analytic gradient g
 * and the numerical one ĝ. The 1e-8 guard keeps the ratio finite when both are 0.
 *
 * The last section defines the small logistic-regression model used by the
 * gradient-check exercise, whose inputs must be plain data.
 */

import { softplus, sigmoid, type Mat, type Vec } from "./numerics";

/** Default finite-difference step. */
export const GRADCHECK_EPS = 1e-5;

/** Guard in the denominator of the relative error. */
export const RELERR_GUARD = 1e-8;

/**
 * Numerical gradient of a scalar f: ℝ^P → ℝ by central differences,
 * ĝ_i = (f(θ + ε e_i) − f(θ − ε e_i)) / (2ε).  θ has length P; the result has length P.
 * θ is not mutated (f sees a copy whose entry i is perturbed and then restored).
 */
export function numericalGradient(f: (theta: Vec) => number, theta: Vec, eps = GRADCHECK_EPS): Vec {
  if (!(eps > 0)) throw new RangeError(`numericalGradient: eps must be > 0, got ${eps}`);
  const t = theta.slice();
  const g = new Array<number>(t.length);
  for (let i = 0; i < t.length; i++) {
    const old = t[i];
    t[i] = old + eps;
    const fPlus = f(t);
    t[i] = old - eps;
    const fMinus = f(t);
    t[i] = old;
    g[i] = (fPlus - fMinus) / (2 * eps);
  }
  return g;
}

/**
 * Numerical gradient of a scalar f of a matrix W (`r × c`) by central differences,
 * Ĝ_ij = (f(W + ε E_ij) − f(W − ε E_ij)) / (2ε); the result is `r × c`. W is not mutated.
 */
export function numericalGradientMat(f: (W: Mat) => number, W: Mat, eps = GRADCHECK_EPS): Mat {
  if (!(eps > 0)) throw new RangeError(`numericalGradientMat: eps must be > 0, got ${eps}`);
  const T = W.map((row) => row.slice());
  const G = W.map((row) => new Array<number>(row.length));
  for (let i = 0; i < T.length; i++) {
    for (let j = 0; j < T[i].length; j++) {
      const old = T[i][j];
      T[i][j] = old + eps;
      const fPlus = f(T);
      T[i][j] = old - eps;
      const fMinus = f(T);
      T[i][j] = old;
      G[i][j] = (fPlus - fMinus) / (2 * eps);
    }
  }
  return G;
}

/** Relative error of one entry: |g − ĝ| / max(1e-8, |g| + |ĝ|). */
export function relativeError(g: number, gHat: number): number {
  return Math.abs(g - gHat) / Math.max(RELERR_GUARD, Math.abs(g) + Math.abs(gHat));
}

/** Elementwise relative errors of two vectors of the same length P. */
export function relativeErrors(g: Vec, gHat: Vec): Vec {
  if (g.length !== gHat.length) throw new RangeError(`relativeErrors: lengths ${g.length} and ${gHat.length} differ`);
  return g.map((v, i) => relativeError(v, gHat[i]));
}

/** max_i |g_i − ĝ_i| / max(1e-8, |g_i| + |ĝ_i|) over vectors or matrices of the same shape (0 when empty). */
export function maxRelativeError(g: Vec | Mat, gHat: Vec | Mat): number {
  return relativeErrors(flatten(g), flatten(gHat)).reduce((m, v) => Math.max(m, v), 0);
}

/** Row-major entries of a vector or a matrix. */
function flatten(x: Vec | Mat): Vec {
  return (x as (number | Vec)[]).flat();
}

/**
 * Aggregate relative error over all entries (the UFLDL / CS231n norm measure):
 * ‖g − ĝ‖₂ / max(1e-8, ‖g‖₂ + ‖ĝ‖₂). Less sensitive than the elementwise maximum to
 * entries whose true value is tiny, where round-off of the differences dominates.
 * Accepts vectors or matrices (flattened).
 */
export function aggregateRelativeError(g: Vec | Mat, gHat: Vec | Mat): number {
  const a = flatten(g);
  const b = flatten(gHat);
  if (a.length !== b.length) throw new RangeError(`aggregateRelativeError: sizes ${a.length} and ${b.length} differ`);
  let d = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += (a[i] - b[i]) ** 2;
    na += a[i] ** 2;
    nb += b[i] ** 2;
  }
  return Math.sqrt(d) / Math.max(RELERR_GUARD, Math.sqrt(na) + Math.sqrt(nb));
}

/** Result of checking one gradient: the numerical gradient and both error measures. */
export interface GradCheckReport<T extends Vec | Mat> {
  numerical: T;
  /** Elementwise maximum relative error. */
  maxRelError: number;
  /** Aggregate (norm) relative error. */
  aggregateRelError: number;
}

/** Checks an analytic gradient g (length P) of f at θ against central differences. */
export function checkGradient(
  f: (theta: Vec) => number,
  g: Vec,
  theta: Vec,
  eps = GRADCHECK_EPS,
): GradCheckReport<Vec> {
  const numerical = numericalGradient(f, theta, eps);
  return {
    numerical,
    maxRelError: maxRelativeError(g, numerical),
    aggregateRelError: aggregateRelativeError(g, numerical),
  };
}

// ---------------------------------------------------------------- the checker exercise's model

/**
 * Logistic-regression loss used by the gradient-check exercise, as plain data:
 * θ = [w_1, …, w_d, b] (length d+1), X is `N × d`, y ∈ [0,1]^N,
 * z_n = Σ_i w_i X_ni + b,  L(θ) = (1/N) Σ_n [softplus(z_n) − y_n z_n]  (the mean cross-entropy, stable form).
 */
export function logisticLoss(X: Mat, y: Vec, theta: Vec): number {
  const d = theta.length - 1;
  let L = 0;
  for (let n = 0; n < X.length; n++) {
    let z = 0;
    for (let i = 0; i < d; i++) z += theta[i] * X[n][i];
    z += theta[d];
    L += softplus(z) - y[n] * z;
  }
  return L / X.length;
}

/** Analytic gradient of `logisticLoss`: ∂L/∂w_i = (1/N) Σ_n (σ(z_n) − y_n) X_ni, ∂L/∂b = (1/N) Σ_n (σ(z_n) − y_n). */
export function logisticLossGradient(X: Mat, y: Vec, theta: Vec): Vec {
  const d = theta.length - 1;
  const g = new Array<number>(d + 1).fill(0);
  for (let n = 0; n < X.length; n++) {
    let z = 0;
    for (let i = 0; i < d; i++) z += theta[i] * X[n][i];
    z += theta[d];
    const r = sigmoid(z) - y[n];
    for (let i = 0; i < d; i++) g[i] += r * X[n][i];
    g[d] += r;
  }
  return g.map((v) => v / X.length);
}

/** What the gradient-check exercise returns. */
export interface LogisticGradCheck {
  /** Central differences of `logisticLoss` at θ with step eps, length d+1. */
  numerical: Vec;
  /** |a_i − ĝ_i| / max(1e-8, |a_i| + |ĝ_i|) for the given analytic gradient a. */
  relErrors: Vec;
  /** max_i relErrors_i. */
  maxRelError: number;
}

/**
 * The gradient-check exercise: numerical gradient of `logisticLoss(X, y, ·)` at θ by central
 * differences with step eps, and its relative errors against a given analytic gradient a (length d+1).
 */
export function checkLogisticGradient(X: Mat, y: Vec, theta: Vec, analytic: Vec, eps: number): LogisticGradCheck {
  const numerical = numericalGradient((t) => logisticLoss(X, y, t), theta, eps);
  const relErrors = relativeErrors(analytic, numerical);
  return { numerical, relErrors, maxRelError: relErrors.reduce((m, v) => Math.max(m, v), 0) };
}
