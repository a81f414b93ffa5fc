import { addRow, matmul, sigmoidMat, transpose, type Mat, type Vec } from "lab";

/**
 * Y = σ(X Wᵀ + b), X̂ = σ(Y W̃ᵀ + b̃); squared = Σ_n ||x_n − x̂_n||²;
 * crossEntropy = −Σ [x log x̂ + (1−x) log(1−x̂)] with x̂ clamped to [1e-12, 1 − 1e-12].
 */
export function aeForwardLoss(
  X: Mat,
  W: Mat,
  b: Vec,
  Wd: Mat,
  bd: Vec,
): { Y: Mat; Xhat: Mat; squared: number; crossEntropy: number } {
  const Y = sigmoidMat(addRow(matmul(X, transpose(W)), b));
  const Xhat: Mat = X.map((row) => row.map(() => 0)); // TODO: decode Y with Wd and bd
  const squared = 0; // TODO
  const crossEntropy = 0; // TODO (clamp x̂ before the logs)
  return { Y, Xhat, squared, crossEntropy };
}
