import { allBinary, dot, logsumexp, matvec } from "lab";

/** logZ by log-sum-exp over all 2^n states; dW = data − K·model (zero diagonal); db = −(data − K·model). */
export function bmExact(W: number[][], b: number[], X: number[][]): { logZ: number; dW: number[][]; db: number[] } {
  const n = b.length;
  const K = X.length;
  const states = allBinary(n);
  const negE = states.map((x) => 0.5 * dot(x, matvec(W, x)) - dot(b, x));
  const logZ = logsumexp(negE);
  const dW: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const db: number[] = new Array<number>(n).fill(0);
  states.forEach((x, s) => {
    const p = Math.exp(negE[s] - logZ);
    for (let i = 0; i < n; i++) {
      db[i] += K * p * x[i];
      for (let j = 0; j < n; j++) if (i !== j) dW[i][j] -= K * p * x[i] * x[j];
    }
  });
  for (const x of X) {
    for (let i = 0; i < n; i++) {
      db[i] -= x[i];
      for (let j = 0; j < n; j++) if (i !== j) dW[i][j] += x[i] * x[j];
    }
  }
  return { logZ, dW, db };
}
