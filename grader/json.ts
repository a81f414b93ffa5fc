/** JSON for graded values: NaN and ±Infinity become the strings "NaN", "Infinity", "-Infinity" (plain JSON would turn them into null). */
export function toJson(x: unknown): string {
  return (
    JSON.stringify(x, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v)) ?? "null"
  );
}
