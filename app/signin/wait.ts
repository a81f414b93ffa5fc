/** How a sign-in wait is worded: whole seconds under a minute, else whole minutes (rounded up). */
export function waitParams(seconds: number): { unit: "seconds" | "minutes"; n: number } {
  const s = Math.max(1, Math.ceil(seconds));
  return s < 60 ? { unit: "seconds", n: s } : { unit: "minutes", n: Math.ceil(s / 60) };
}
