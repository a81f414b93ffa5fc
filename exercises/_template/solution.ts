// TODO(exercises:new): a correct answer written as a student would (no reference/ imports; "lab" only if listed).
export function TODO_entry(W: number[][], x: number[]): number[] {
  return x.slice();
}
