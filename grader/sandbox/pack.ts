/**
 * A case's arguments packed for the trip into the isolate: every number goes into one
 * Float64Array (exact for NaN, ±Infinity and −0), and a small JSON skeleton says where.
 * The harness rebuilds plain arrays and objects from the two (`unpack` in harness.ts).
 * Against JSON text this is ~3× faster for large inputs (2 × 260×260 doubles: ~3 ms
 * instead of ~10 ms), and it is the only input path, so NaN needs no special case.
 * Packing happens once per case (the prepared case keeps it).
 *
 * Skeleton nodes:
 *   ["f", offset, length]   an array of numbers: numbers[offset … offset + length)
 *   ["x", index]            a number elsewhere (a scalar argument, an object field)
 *   ["a", [node, …]]        any other array
 *   ["o", { key: node }]    a plain object
 *   ["v", value]            a string, boolean or null
 *   ["u"]                   undefined
 */

export type SkeletonNode =
  | ["f", number, number]
  | ["x", number]
  | ["a", SkeletonNode[]]
  | ["o", Record<string, SkeletonNode>]
  | ["v", string | boolean | null]
  | ["u"];

export interface PackedArgs {
  /** JSON of the skeleton of the argument list (an "a" node). */
  skeleton: string;
  numbers: Float64Array;
}

export function packArgs(args: unknown[]): PackedArgs {
  const nums: number[] = [];
  const node = (v: unknown): SkeletonNode => {
    if (typeof v === "number") return ["x", nums.push(v) - 1];
    if (typeof v === "string" || typeof v === "boolean" || v === null) return ["v", v];
    if (v === undefined) return ["u"];
    if (Array.isArray(v)) {
      const items = v as unknown[];
      let numeric = true;
      for (let i = 0; i < items.length && numeric; i++) numeric = typeof items[i] === "number"; // a hole is not a number
      if (numeric) {
        const offset = nums.length;
        for (const x of items as number[]) nums.push(x);
        return ["f", offset, items.length];
      }
      return ["a", Array.from(items, node)];
    }
    if (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
      const o = Object.create(null) as Record<string, SkeletonNode>; // a "__proto__" key stays a key
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) o[k] = node(x);
      return ["o", o];
    }
    throw new TypeError(
      `case arguments must be plain data (numbers, strings, booleans, null, arrays, plain objects), got ${Object.prototype.toString.call(v)}`,
    );
  };
  const skeleton = JSON.stringify(node(args));
  return { skeleton, numbers: Float64Array.from(nums) };
}

/** Several cases for one call into the isolate: their numbers end to end, and where each case's are. */
export interface PackedBatch {
  /** JSON of [skeleton node, offset, length, output cap] per case (offset and length in numbers). */
  list: string;
  numbers: Float64Array;
}

/** Packs the cases of a batch (harness `runAll`), each with the most output leaves it may return. */
export function packBatch(cases: readonly { packed: PackedArgs; cap: number }[]): PackedBatch {
  const numbers = new Float64Array(cases.reduce((n, c) => n + c.packed.numbers.length, 0));
  const items: string[] = [];
  let offset = 0;
  for (const { packed, cap } of cases) {
    numbers.set(packed.numbers, offset);
    items.push(`[${packed.skeleton},${offset},${packed.numbers.length},${cap}]`);
    offset += packed.numbers.length;
  }
  return { list: `[${items.join(",")}]`, numbers };
}
