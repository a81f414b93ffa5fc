/**
 * Case builders that several RBM exercises share (rbm-cd1, rbm-cdk, rbm-reconstruction-error): the data,
 * parameters and uniforms of a graded CD problem, drawn from the exercise's seeded Rng.
 */

import type { Mat } from "../numerics";
import type { Rng } from "../random";
import { randomRbm, safeCdUniforms, type CdUniforms, type RbmParams } from "../rbm";

/** A graded CD problem: binary data V0 (`B × n_v`), an RBM, and uniforms for k steps that cannot tie (safeCdUniforms). */
export interface CdProblem extends RbmParams {
  V0: Mat;
  U: CdUniforms;
}

/** The CD problem on given data and parameters, with safe uniforms for k steps. */
export function cdProblem(rng: Rng, V0: Mat, p: RbmParams, k: number): CdProblem {
  return { V0, ...p, U: safeCdUniforms(rng, V0, p.W, p.a, p.b, k) };
}

/** A random CD problem, drawn in this order: randomRbm(nv, nh, std), B × n_v binary data, the uniforms. */
export function randomCdProblem(rng: Rng, B: number, nv: number, nh: number, k: number, std = 1): CdProblem {
  const p = randomRbm(rng, nv, nh, std);
  return cdProblem(rng, rng.binaryMat(B, nv), p, k);
}
