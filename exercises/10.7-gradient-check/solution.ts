import { softplus, type Mat, type Vec } from "lab";

/** L(θ) = (1/N) Σ_n [softplus(z_n) − y_n z_n], z_n = w·x_n + b, θ = [w, b]. */
function loss(X: Mat, y: Vec, theta: Vec): number {
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

export function gradientCheck(
  X: Mat,
  y: Vec,
  theta: Vec,
  analytic: Vec,
  eps: number,
): { numerical: Vec; relErrors: Vec; maxRelError: number } {
  const t = theta.slice();
  const numerical = t.map((_, i) => {
    const old = t[i];
    t[i] = old + eps;
    const plus = loss(X, y, t);
    t[i] = old - eps;
    const minus = loss(X, y, t);
    t[i] = old; // restore before the next parameter
    return (plus - minus) / (2 * eps);
  });
  const relErrors = analytic.map(
    (a, i) => Math.abs(a - numerical[i]) / Math.max(1e-8, Math.abs(a) + Math.abs(numerical[i])),
  );
  return { numerical, relErrors, maxRelError: Math.max(0, ...relErrors) };
}
