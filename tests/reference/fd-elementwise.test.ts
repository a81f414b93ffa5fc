/**
 * Elementwise relative error < 1e-7 for every analytic gradient of the autoencoder family.
 *
 * The other suites check the gradients against DOMAIN.md's central differences (ε = 1e-5), where the
 * AGGREGATE relative error stays below 1e-7 but the ELEMENTWISE measure |g − ĝ| / max(1e-8, |g| + |ĝ|)
 * reaches ~3e-7 on entries of size ~1e-5: there the round-off of the difference quotient (~1e-16 / ε)
 * is a sizeable fraction of the entry. A fourth-order stencil with h = 1e-3,
 *   ĝ = (8 [f(θ + h) − f(θ − h)] − [f(θ + 2h) − f(θ − 2h)]) / (12h),
 * has truncation error O(h⁴) ≈ 1e-12 and round-off ≈ 1e-13, so the elementwise bound of the issue
 * (rel. err. < 1e-7 for every entry) can be asserted as stated.
 */

import { describe, expect, it } from "vitest";
import {
  aeGradient,
  aeLoss,
  daeGradient,
  daeLoss,
  gaussianCorrupt,
  maskingCorrupt,
  tiedAeGradient,
  tiedAeLoss,
  type ReconstructionLoss,
} from "@/reference/autoencoder";
import { maxRelativeError } from "@/reference/gradcheck";
import type { Mat, Vec } from "@/reference/numerics";
import { Rng } from "@/reference/random";
import { randomAeParams } from "./aeParams";
import { sparseAeCost, sparseAeGradient, type SparseAEParams } from "@/reference/sparse";
import { stackedSoftmaxGradient, stackedSoftmaxLoss, type StackedNet } from "@/reference/stacked";

const H = 1e-3;

function stencil(f: () => number, set: (v: number) => void, x: number): number {
  const at = (d: number) => {
    set(x + d);
    const y = f();
    set(x);
    return y;
  };
  // grouped as differences, so that an f that does not depend on x gives exactly 0
  return (8 * (at(H) - at(-H)) - (at(2 * H) - at(-2 * H))) / (12 * H);
}

/** Fourth-order numerical gradient of f with respect to a vector θ (θ is restored). */
function fd4Vec(f: (t: Vec) => number, theta: Vec): Vec {
  const t = theta.slice();
  return t.map((x, i) =>
    stencil(
      () => f(t),
      (v) => (t[i] = v),
      x,
    ),
  );
}

/** Fourth-order numerical gradient of f with respect to a matrix W (W is restored). */
function fd4Mat(f: (W: Mat) => number, W: Mat): Mat {
  const T = W.map((r) => r.slice());
  return T.map((row, i) =>
    row.map((x, j) =>
      stencil(
        () => f(T),
        (v) => (T[i][j] = v),
        x,
      ),
    ),
  );
}

const LOSSES: ReconstructionLoss[] = ["squared", "cross-entropy"];
const worst: Record<string, number> = {};
function check(name: string, analytic: Vec | Mat, numerical: Vec | Mat): void {
  const e = maxRelativeError(analytic, numerical);
  worst[name] = Math.max(worst[name] ?? 0, e);
  expect(e, name).toBeLessThan(1e-7);
}

describe("analytic gradients vs a fourth-order difference, elementwise relative error < 1e-7", () => {
  it("untied autoencoder, both losses", () => {
    const rng = new Rng("fd4-ae");
    for (let t = 0; t < 12; t++) {
      const [N, n, m] = [rng.intRange(1, 4), rng.intRange(1, 5), rng.intRange(1, 4)];
      const X = rng.uniformMat(N, n);
      const p = randomAeParams(rng, n, m);
      const loss = LOSSES[t % 2];
      const g = aeGradient(X, p, loss);
      check(
        "AE dW",
        g.dW,
        fd4Mat((W) => aeLoss(X, { ...p, W }, loss), p.W),
      );
      check(
        "AE dWd",
        g.dWd,
        fd4Mat((Wd) => aeLoss(X, { ...p, Wd }, loss), p.Wd),
      );
      check(
        "AE db",
        g.db,
        fd4Vec((b) => aeLoss(X, { ...p, b }, loss), p.b),
      );
      check(
        "AE dbd",
        g.dbd,
        fd4Vec((bd) => aeLoss(X, { ...p, bd }, loss), p.bd),
      );
    }
  });

  it("tied autoencoder (both uses of W), both losses", () => {
    const rng = new Rng("fd4-tied");
    for (let t = 0; t < 12; t++) {
      const [N, n, m] = [rng.intRange(1, 4), rng.intRange(1, 5), rng.intRange(1, 4)];
      const X = rng.uniformMat(N, n);
      const p = { W: rng.gaussianMat(m, n, 0.7), b: rng.gaussianVec(m, 0.3), bd: rng.gaussianVec(n, 0.3) };
      const loss = LOSSES[t % 2];
      const g = tiedAeGradient(X, p, loss);
      check(
        "tied dW",
        g.dW,
        fd4Mat((W) => tiedAeLoss(X, { ...p, W }, loss), p.W),
      );
      check(
        "tied db",
        g.db,
        fd4Vec((b) => tiedAeLoss(X, { ...p, b }, loss), p.b),
      );
      check(
        "tied dbd",
        g.dbd,
        fd4Vec((bd) => tiedAeLoss(X, { ...p, bd }, loss), p.bd),
      );
    }
  });

  it("denoising autoencoder, Gaussian and masking noise", () => {
    const rng = new Rng("fd4-dae");
    for (let t = 0; t < 12; t++) {
      const [N, n, m] = [rng.intRange(1, 4), rng.intRange(2, 5), rng.intRange(1, 4)];
      const X = rng.uniformMat(N, n);
      const Xt = t % 2 ? gaussianCorrupt(X, rng.gaussianMat(N, n, 0.2)) : maskingCorrupt(X, rng.uniformMat(N, n), 0.3);
      const p = randomAeParams(rng, n, m);
      const loss = LOSSES[(t >> 1) % 2];
      const g = daeGradient(X, Xt, p, loss);
      check(
        "DAE dW",
        g.dW,
        fd4Mat((W) => daeLoss(X, Xt, { ...p, W }, loss), p.W),
      );
      check(
        "DAE dWd",
        g.dWd,
        fd4Mat((Wd) => daeLoss(X, Xt, { ...p, Wd }, loss), p.Wd),
      );
      check(
        "DAE db",
        g.db,
        fd4Vec((b) => daeLoss(X, Xt, { ...p, b }, loss), p.b),
      );
      check(
        "DAE dbd",
        g.dbd,
        fd4Vec((bd) => daeLoss(X, Xt, { ...p, bd }, loss), p.bd),
      );
    }
  });

  it("sparse autoencoder (UFLDL cost)", () => {
    const rng = new Rng("fd4-sparse");
    for (let t = 0; t < 12; t++) {
      const [N, n, m] = [rng.intRange(1, 5), rng.intRange(1, 5), rng.intRange(1, 4)];
      const X = rng.uniformMat(N, n);
      const p: SparseAEParams = {
        W1: rng.gaussianMat(m, n, 0.7),
        b1: rng.gaussianVec(m, 0.3),
        W2: rng.gaussianMat(n, m, 0.7),
        b2: rng.gaussianVec(n, 0.3),
      };
      const h = { lambda: rng.range(0, 0.01), beta: rng.range(0.5, 3), rho: rng.range(0.02, 0.2) };
      const g = sparseAeGradient(X, p, h);
      check(
        "sparse dW1",
        g.dW1,
        fd4Mat((W1) => sparseAeCost(X, { ...p, W1 }, h), p.W1),
      );
      check(
        "sparse dW2",
        g.dW2,
        fd4Mat((W2) => sparseAeCost(X, { ...p, W2 }, h), p.W2),
      );
      check(
        "sparse db1",
        g.db1,
        fd4Vec((b1) => sparseAeCost(X, { ...p, b1 }, h), p.b1),
      );
      check(
        "sparse db2",
        g.db2,
        fd4Vec((b2) => sparseAeCost(X, { ...p, b2 }, h), p.b2),
      );
    }
  });

  it("stacked encoders + softmax, through every layer", () => {
    const rng = new Rng("fd4-stacked");
    for (let t = 0; t < 10; t++) {
      const depth = rng.intRange(1, 3);
      const sizes = Array.from({ length: depth + 1 }, () => rng.intRange(1, 4));
      const K = rng.intRange(2, 4);
      const N = rng.intRange(1, 4);
      const net: StackedNet = {
        layers: sizes.slice(1).map((m, k) => ({ W: rng.gaussianMat(m, sizes[k], 0.8), b: rng.gaussianVec(m, 0.3) })),
        Ws: rng.gaussianMat(K, sizes[sizes.length - 1], 0.8),
        bs: rng.gaussianVec(K, 0.3),
      };
      const X = rng.uniformMat(N, sizes[0]);
      const labels = Array.from({ length: N }, () => rng.int(K));
      const g = stackedSoftmaxGradient(X, labels, net);
      check(
        "stacked dWs",
        g.dWs,
        fd4Mat((Ws) => stackedSoftmaxLoss(X, labels, { ...net, Ws }), net.Ws),
      );
      check(
        "stacked dbs",
        g.dbs,
        fd4Vec((bs) => stackedSoftmaxLoss(X, labels, { ...net, bs }), net.bs),
      );
      net.layers.forEach((layer, k) => {
        const withLayer = (l: typeof layer): StackedNet => ({
          ...net,
          layers: net.layers.map((x, i) => (i === k ? l : x)),
        });
        check(
          "stacked dW_k",
          g.layers[k].dW,
          fd4Mat((W) => stackedSoftmaxLoss(X, labels, withLayer({ ...layer, W })), layer.W),
        );
        check(
          "stacked db_k",
          g.layers[k].db,
          fd4Vec((b) => stackedSoftmaxLoss(X, labels, withLayer({ ...layer, b })), layer.b),
        );
      });
    }
  });

  it("reports the largest elementwise relative errors", () => {
    console.log("fourth-order FD, largest elementwise relative error:", JSON.stringify(worst));
    expect(Object.keys(worst)).toHaveLength(19);
  });
});
