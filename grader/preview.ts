/**
 * What is stored of a student's output: the value itself when it is small, else a preview (its
 * first PREVIEW_ELEMENTS leaves, its shape and summary statistics). The comparison always runs on
 * the full value, in the worker, before anything is stored; pages render only what is stored.
 */

/** Leaves (numbers, strings, booleans, nulls) kept of an output that is stored as a preview. */
export const PREVIEW_ELEMENTS = 2000;

export const PREVIEW_MARK = "gibbs-output-preview";

export interface OutputPreview {
  /** Marks a stored value cut to a preview. */
  preview: typeof PREVIEW_MARK;
  /** Array lengths along each axis when the value is a rectangular array ([rows, cols] for a matrix), else null. */
  shape: number[] | null;
  /** Leaves in the full value. */
  elements: number;
  /** Over the finite numbers of the full value; null when it has none. */
  min: number | null;
  max: number | null;
  mean: number | null;
  nanCount: number;
  /** The value with only its first PREVIEW_ELEMENTS leaves, in order (same nesting; the rest dropped). */
  head: unknown;
}

/** The value to store for an output: itself when it has at most PREVIEW_ELEMENTS leaves, else its preview. */
export function storedOutput(x: unknown): unknown {
  const stats = { elements: 0, finite: 0, sum: 0, min: Infinity, max: -Infinity, nanCount: 0 };
  visit(x, stats);
  if (stats.elements <= PREVIEW_ELEMENTS) return x;
  const preview: OutputPreview = {
    preview: PREVIEW_MARK,
    shape: shapeOf(x),
    elements: stats.elements,
    min: stats.finite ? stats.min : null,
    max: stats.finite ? stats.max : null,
    mean: stats.finite ? stats.sum / stats.finite : null,
    nanCount: stats.nanCount,
    head: firstValues(x, PREVIEW_ELEMENTS),
  };
  return preview;
}

export function isOutputPreview(v: unknown): v is OutputPreview {
  return !!v && typeof v === "object" && (v as { preview?: unknown }).preview === PREVIEW_MARK;
}

type Stats = { elements: number; finite: number; sum: number; min: number; max: number; nanCount: number };

function visit(x: unknown, s: Stats): void {
  if (Array.isArray(x)) for (const v of x) visit(v, s);
  else if (x !== null && typeof x === "object") for (const v of Object.values(x)) visit(v, s);
  else {
    s.elements++;
    if (typeof x !== "number") return;
    if (Number.isNaN(x)) s.nanCount++;
    else if (Number.isFinite(x)) {
      s.finite++;
      s.sum += x;
      if (x < s.min) s.min = x;
      if (x > s.max) s.max = x;
    }
  }
}

/** [] for a leaf, [n, …inner] for an array whose items all have the same shape, null otherwise. */
function shapeOf(x: unknown): number[] | null {
  if (!Array.isArray(x)) return x !== null && typeof x === "object" ? null : [];
  if (x.length === 0) return [0];
  const inner = shapeOf(x[0]);
  if (!inner) return null;
  for (let i = 1; i < x.length; i++) {
    const s = shapeOf(x[i]);
    if (!s || s.length !== inner.length || s.some((d, k) => d !== inner[k])) return null;
  }
  return [x.length, ...inner];
}

/** `x` with only its first `n` leaves, in order (same nesting; the rest dropped). */
export function firstValues(x: unknown, n: number): unknown {
  return take(x, { left: n });
}

function take(x: unknown, budget: { left: number }): unknown {
  if (Array.isArray(x)) {
    const out: unknown[] = [];
    for (const v of x) {
      if (budget.left <= 0) break;
      out.push(take(v, budget));
    }
    return out;
  }
  if (x !== null && typeof x === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) {
      if (budget.left <= 0) break;
      out[k] = take(v, budget);
    }
    return out;
  }
  budget.left--;
  return x;
}
