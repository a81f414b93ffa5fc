/** Case arguments cross into the isolate packed (grader/sandbox/pack.ts) and come back exactly. */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packArgs } from "@/grader/sandbox/pack";
import { Sandbox } from "@/grader/sandbox/sandbox";
import { transpile } from "@/grader/transpile";

let sb: Sandbox;

beforeAll(async () => {
  const tr = await transpile("export function echo(...args: unknown[]) { return args; }", { helpers: [] });
  if (!tr.ok) throw new Error("echo does not compile");
  sb = await Sandbox.create();
  const loaded = await sb.load(tr.js, "echo", { helpers: [], timeoutMs: 1000 });
  expect(loaded.kind).toBe("ok");
});

afterAll(() => sb?.dispose());

/** Deep equality that tells −0 from 0 and NaN from everything else. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" || typeof b === "number") return Object.is(a, b);
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object") {
    const [ka, kb] = [Object.keys(a), Object.keys(b)];
    return (
      ka.length === kb.length &&
      ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return a === b;
}

describe("packed case arguments", () => {
  it("round-trip exactly through the sandbox: NaN, ±Infinity, −0, nested arrays, objects, strings, booleans, null", async () => {
    const args = [
      [
        [1.5, -0, Number.NaN],
        [Infinity, -Infinity, 1e-310],
      ],
      [],
      [[]],
      7,
      -0,
      { kind: "masking", level: 0.5, U: [[0.1, 0.9]], flag: true, none: null, nested: { k: [3] } },
      [1, "two", [3, 4], { five: 5 }],
      "text",
      false,
      null,
    ];
    const r = await sb.run(packArgs(args), 1000);
    expect(r.kind).toBe("ok");
    expect(same((r as { value: unknown }).value, args)).toBe(true);
  });

  it("keeps a __proto__ key a key, and packs the numbers of a 2 × 300 × 300 input into one buffer", async () => {
    const withProto = JSON.parse('[{"__proto__": [1, 2], "a": 1}]') as unknown[];
    const r = await sb.run(packArgs(withProto), 1000);
    expect(r.kind === "ok" && Object.keys((r.value as Record<string, unknown>[])[0])).toEqual(["__proto__", "a"]);
    const big = [0, 1].map((s) =>
      Array.from({ length: 300 }, (_, i) => Array.from({ length: 300 }, (_, j) => s + i * 300 + j)),
    );
    const p = packArgs(big);
    expect(p.numbers.length).toBe(2 * 300 * 300);
    expect(p.skeleton.length).toBeLessThan(20_000);
    const back = await sb.run(p, 5000);
    expect(back.kind === "ok" && same(back.value, big)).toBe(true);
  });

  it("refuses what is not plain data, with a clear message", () => {
    expect(() => packArgs([new Map()])).toThrow(/plain data.*\[object Map\]/);
    expect(() => packArgs([() => 1])).toThrow(/plain data/);
  });
});
