/** Stable log(1 + e^z). */
const softplus = (z: number) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));

/** log Σ_k e^{x_k}, shifted by the maximum. */
function logsumexp(x: number[]): number {
  const m = Math.max(...x);
  return m + Math.log(x.reduce((s, v) => s + Math.exp(v - m), 0));
}

/** log Z by enumerating the smaller layer and summing the other one out analytically. */
export function logZ(W: number[][], a: number[], b: number[]): number {
  const nv = a.length;
  const nh = b.length;
  const terms: number[] = [];
  if (nh <= nv) {
    // log Z = logsumexp_h [bᵀh + Σ_i softplus(a_i + (W h)_i)]
    for (let s = 0; s < 1 << nh; s++) {
      let t = 0;
      for (let j = 0; j < nh; j++) if ((s >> j) & 1) t += b[j];
      for (let i = 0; i < nv; i++) {
        let z = a[i];
        for (let j = 0; j < nh; j++) if ((s >> j) & 1) z += W[i][j];
        t += softplus(z);
      }
      terms.push(t);
    }
  } else {
    // log Z = logsumexp_v [aᵀv + Σ_j softplus(b_j + (vᵀW)_j)] = logsumexp_v [−F(v)]
    for (let s = 0; s < 1 << nv; s++) {
      let t = 0;
      for (let i = 0; i < nv; i++) if ((s >> i) & 1) t += a[i];
      for (let j = 0; j < nh; j++) {
        let z = b[j];
        for (let i = 0; i < nv; i++) if ((s >> i) & 1) z += W[i][j];
        t += softplus(z);
      }
      terms.push(t);
    }
  }
  return logsumexp(terms);
}
