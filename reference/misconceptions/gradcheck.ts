/**
 * Wrong variants of `checkLogisticGradient` (reference/gradcheck.ts), same signature.
 * Hints name the idea, never the answer.
 */

import type { Mat, Vec } from "../numerics";
import { logisticLoss, relativeErrors, type LogisticGradCheck } from "../gradcheck";
import { misconception } from "./types";

type Args = [X: Mat, y: Vec, theta: Vec, analytic: Vec, eps: number];

function report(numerical: Vec, relErrors: Vec): LogisticGradCheck {
  return { numerical, relErrors, maxRelError: relErrors.reduce((m, v) => Math.max(m, v), 0) };
}

function numerical(X: Mat, y: Vec, theta: Vec, eps: number, kind: "central" | "forward" | "over-eps" | "not-restored"): Vec {
  const t = theta.slice();
  return t.map((_, i) => {
    const old = t[i];
    if (kind === "forward") {
      const f0 = logisticLoss(X, y, t);
      t[i] = old + eps;
      const f1 = logisticLoss(X, y, t);
      t[i] = old;
      return (f1 - f0) / eps;
    }
    t[i] = old + eps;
    const fp = logisticLoss(X, y, t);
    t[i] = old - eps;
    const fm = logisticLoss(X, y, t);
    if (kind !== "not-restored") t[i] = old;
    return (fp - fm) / (kind === "over-eps" ? eps : 2 * eps);
  });
}

export const oneSided = misconception<Args, LogisticGradCheck>({
  id: "gradcheck.one-sided",
  hint: {
    en: "A one-sided difference has an error of order ε; the check asks for the symmetric difference around θ.",
    zh: "单侧差分的误差是 ε 量级的；梯度检验要求在 θ 两侧对称地取差分。",
  },
  fn: (X, y, theta, a, eps) => {
    const n = numerical(X, y, theta, eps, "forward");
    return report(n, relativeErrors(a, n));
  },
});

export const overEps = misconception<Args, LogisticGradCheck>({
  id: "gradcheck.divide-by-eps",
  hint: {
    en: "Check the distance between the two points at which the loss is evaluated.",
    zh: "请检查计算损失的两个点之间的距离。",
  },
  fn: (X, y, theta, a, eps) => {
    const n = numerical(X, y, theta, eps, "over-eps");
    return report(n, relativeErrors(a, n));
  },
});

export const notRestored = misconception<Args, LogisticGradCheck>({
  id: "gradcheck.not-restored",
  hint: {
    en: "After perturbing one parameter, is θ back at its original value before the next parameter is perturbed?",
    zh: "扰动完一个参数之后，在扰动下一个参数之前，θ 是否恢复到了原来的值？",
  },
  fn: (X, y, theta, a, eps) => {
    const n = numerical(X, y, theta, eps, "not-restored");
    return report(n, relativeErrors(a, n));
  },
});

export const noGuard = misconception<Args, LogisticGradCheck>({
  id: "gradcheck.no-guard",
  hint: {
    en: "When both gradients are (nearly) zero, the denominator of the relative error needs the lower bound given in the prompt.",
    zh: "当两个梯度都（几乎）为零时，相对误差的分母需要题目中给出的下界。",
  },
  fn: (X, y, theta, a, eps) => {
    const n = numerical(X, y, theta, eps, "central");
    return report(n, a.map((g, i) => Math.abs(g - n[i]) / (Math.abs(g) + Math.abs(n[i]))));
  },
});

export const relativeToOneSide = misconception<Args, LogisticGradCheck>({
  id: "gradcheck.relative-to-one-side",
  hint: {
    en: "The relative error is symmetric in the two gradients: check its denominator.",
    zh: "相对误差对两个梯度是对称的：请检查分母。",
  },
  fn: (X, y, theta, a, eps) => {
    const n = numerical(X, y, theta, eps, "central");
    return report(n, a.map((g, i) => Math.abs(g - n[i]) / Math.max(1e-8, Math.abs(n[i]))));
  },
});

export const gradcheckMisconceptions = [oneSided, overEps, notRestored, noGuard, relativeToOneSide];
