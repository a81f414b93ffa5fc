/**
 * The one seeded pseudo-random generator of Gibbs: xoshiro128** seeded by splitmix32.
 * Every random number in the grading path (case generation, AIS, experiments)
 * comes from an `Rng`; nothing calls `Math.random`.
 */

import type { Mat, Vec } from "./numerics";

/** 32-bit string hash (FNV-1a), for deriving a seed from a name such as an exercise slug. */
export function seedFromString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** A generator seeded by a number (its low 32 bits) or a string. */
  constructor(seed: number | string) {
    const sm = splitmix32(typeof seed === "string" ? seedFromString(seed) : seed);
    this.s0 = sm();
    this.s1 = sm();
    this.s2 = sm();
    this.s3 = sm();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next raw 32-bit unsigned output of xoshiro128**. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  /** Integer uniform in {0, …, n−1}. */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Integer uniform in {lo, …, hi} (inclusive). */
  intRange(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** Standard normal N(0, 1) by Box–Muller (one draw per call; no cached spare, so sequences are easy to reason about). */
  gaussian(): number {
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** n uniforms in [0, 1). */
  uniformVec(n: number): Vec {
    return Array.from({ length: n }, () => this.uniform());
  }

  /** r × c uniforms in [0, 1). */
  uniformMat(r: number, c: number): Mat {
    return Array.from({ length: r }, () => this.uniformVec(c));
  }

  /** n draws from N(0, std²). */
  gaussianVec(n: number, std = 1): Vec {
    return Array.from({ length: n }, () => std * this.gaussian());
  }

  /** r × c draws from N(0, std²). */
  gaussianMat(r: number, c: number, std = 1): Mat {
    return Array.from({ length: r }, () => this.gaussianVec(c, std));
  }

  /** n binary values, each 1 with probability p. */
  binaryVec(n: number, p = 0.5): Vec {
    return Array.from({ length: n }, () => (this.uniform() < p ? 1 : 0));
  }

  /** r × c binary values, each 1 with probability p. */
  binaryMat(r: number, c: number, p = 0.5): Mat {
    return Array.from({ length: r }, () => this.binaryVec(c, p));
  }

  /** A uniformly random permutation of {0, …, n−1} (Fisher–Yates). */
  permutation(n: number): number[] {
    const p = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [p[i], p[j]] = [p[j], p[i]];
    }
    return p;
  }

  /** One element of a non-empty array. */
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }

  /** An independent generator derived from this one (for splitting streams). */
  fork(): Rng {
    return new Rng(this.nextUint32());
  }
}

/**
 * A uniform in [0,1) kept at least `margin` away from the threshold p, so that
 * `1[u < p]` cannot tie or flip under round-off (DOMAIN.md, "Binary states").
 */
export function uniformAwayFrom(rng: Rng, p: number, margin = 1e-6): number {
  for (;;) {
    const u = rng.uniform();
    if (Math.abs(u - p) >= margin) return u;
  }
}
