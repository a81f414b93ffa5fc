import { softplus, type Mat, type Vec } from "lab";

/** L(θ) = (1/N) Σ_n [softplus(z_n) − y_n z_n], z_n = Σ_i θ_i X[n][i] + θ_d. */
function loss(X: Mat, y: Vec, theta: Vec): number {
  return 0; // TODO
}

export function gradientCheck(
  X: Mat,
  y: Vec,
  theta: Vec,
  analytic: Vec,
  eps: number,
): { numerical: Vec; relErrors: Vec; maxRelError: number } {
  // TODO: central differences of loss around theta, one parameter at a time
  const numerical: Vec = theta.map(() => 0);
  // TODO: |a − ĝ| / max(1e-8, |a| + |ĝ|)
  const relErrors: Vec = analytic.map(() => 0);
  void softplus;
  void loss;
  return { numerical, relErrors, maxRelError: 0 };
}
