/**
 * Wrong variants of `checkLogisticGradient` (reference/gradcheck.ts), same signature.
 * Hints name the idea, never the answer, and are written to follow the grader's "This looks like …" / "这看起来像是…".
 */

import type { Mat, Vec } from "../numerics";
import { checkLogisticGradient, logisticLoss, relativeErrors, type LogisticGradCheck } from "../gradcheck";
import { misconceptionsOf, naiveVariantsOf, type EquivalentMutant } from "./types";

function report(numerical: Vec, relErrors: Vec): LogisticGradCheck {
  return { numerical, relErrors, maxRelError: relErrors.reduce((m, v) => Math.max(m, v), 0) };
}

type Loss = (X: Mat, y: Vec, theta: Vec) => number;

/** logisticLoss with softplus(z) taken literally as log(1 + e^z). */
const literalLogisticLoss: Loss = (X, y, theta) => {
  const d = theta.length - 1;
  let L = 0;
  for (let n = 0; n < X.length; n++) {
    const z = X[n].reduce((s, v, i) => s + theta[i] * v, theta[d]);
    L += Math.log(1 + Math.exp(z)) - y[n] * z;
  }
  return L / X.length;
};

function numerical(
  X: Mat,
  y: Vec,
  theta: Vec,
  eps: number,
  kind: "central" | "forward" | "over-eps" | "not-restored",
  loss: Loss = logisticLoss,
): Vec {
  const t = theta.slice();
  return t.map((_, i) => {
    const old = t[i];
    if (kind === "forward") {
      const f0 = loss(X, y, t);
      t[i] = old + eps;
      const f1 = loss(X, y, t);
      t[i] = old;
      return (f1 - f0) / eps;
    }
    t[i] = old + eps;
    const fp = loss(X, y, t);
    t[i] = old - eps;
    const fm = loss(X, y, t);
    if (kind !== "not-restored") t[i] = old;
    return (fp - fm) / (kind === "over-eps" ? eps : 2 * eps);
  });
}

/** The prompt: "some tests have scores z_n above 700, where a literal log(1 + e^z) overflows". */
export const checkLogisticGradientNaiveVariants = naiveVariantsOf(checkLogisticGradient, "gradcheck", [
  {
    id: "literal-softplus",
    what: "softplus(z) = log(1 + e^z) taken literally: Infinity once z > 709",
    fn: (X, y, theta, a, eps) => {
      const n = numerical(X, y, theta, eps, "central", literalLogisticLoss);
      return report(n, relativeErrors(a, n));
    },
  },
]);

export const checkLogisticGradientMisconceptions = misconceptionsOf(checkLogisticGradient, "gradcheck", [
  {
    id: "one-sided",
    hint: {
      en: "a one-sided difference; its error is of order ε, while the check uses the symmetric difference around θ.",
      zh: "使用了单侧差分；它的误差是 ε 量级的，而梯度检验使用 θ 两侧对称的差分。",
    },
    fn: (X, y, theta, a, eps) => {
      const n = numerical(X, y, theta, eps, "forward");
      return report(n, relativeErrors(a, n));
    },
  },
  {
    id: "divide-by-eps",
    hint: {
      en: "a difference quotient divided by the wrong distance; check how far apart the two evaluation points are.",
      zh: "差商除以的距离不对；请检查两个求值点之间相距多远。",
    },
    fn: (X, y, theta, a, eps) => {
      const n = numerical(X, y, theta, eps, "over-eps");
      return report(n, relativeErrors(a, n));
    },
  },
  {
    id: "not-restored",
    hint: {
      en: "a perturbation that is not undone before the next parameter is perturbed.",
      zh: "扰动完一个参数后没有恢复原值，就去扰动下一个参数。",
    },
    fn: (X, y, theta, a, eps) => {
      const n = numerical(X, y, theta, eps, "not-restored");
      return report(n, relativeErrors(a, n));
    },
  },
  {
    id: "no-guard",
    hint: {
      en: "a relative error without the lower bound on its denominator; it breaks down when both gradients are (nearly) zero.",
      zh: "相对误差的分母缺少下界；当两个梯度都（几乎）为零时就会出问题。",
    },
    fn: (X, y, theta, a, eps) => {
      const n = numerical(X, y, theta, eps, "central");
      return report(
        n,
        a.map((g, i) => Math.abs(g - n[i]) / (Math.abs(g) + Math.abs(n[i]))),
      );
    },
  },
  {
    id: "relative-to-one-side",
    hint: {
      en: "a relative error normalised by only one of the two gradients; the measure is symmetric in them.",
      zh: "相对误差只用其中一个梯度做归一化；这个度量对两个梯度是对称的。",
    },
    fn: (X, y, theta, a, eps) => {
      const n = numerical(X, y, theta, eps, "central");
      return report(
        n,
        a.map((g, i) => Math.abs(g - n[i]) / Math.max(1e-8, Math.abs(n[i]))),
      );
    },
  },
]);

/**
 * Mutants of reference/gradcheck.ts that no input of its exercises can tell apart from it (issue 12 item 2,
 * exercises/mutation.ts), in groups; each exercise lists the groups its reference executes in `equivalentMutants`.
 */
export const gradcheckEquivalentMutants = {
  /** numericalGradient's copy of θ and its preallocation. */
  numericalGradientCopy: [
    {
      at: "reference/gradcheck.ts:27:13",
      mutator: "MethodExpression",
      replacement: "theta",
      reason: {
        en: "θ_i is restored to its exact old value after each difference, so perturbing θ in place leaves it unchanged",
        zh: "每次差分后 θ_i 都恢复为原值，因此原地扰动 θ 不改变它",
      },
    },
    {
      at: "reference/gradcheck.ts:28:13",
      mutator: "ArrayDeclaration",
      replacement: "new Array()",
      reason: {
        en: "the length only preallocates: the loop then fills every entry 0..P−1 either way",
        zh: "长度只是预分配：随后的循环都会填满 0..P−1 的每一项",
      },
    },
  ],
} satisfies Record<string, EquivalentMutant[]>;
