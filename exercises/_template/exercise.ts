// Scaffolded by `npm run exercises:new`. Fill in every TODO(exercises:new); exercises/README.md explains each field.
import { LINEAR_ALGEBRA, defineExercise, type Bilingual, type Case } from "../../grader/spec";
import type { Mat, Vec } from "../../reference/numerics";
import { Rng } from "../../reference/random";
// TODO(exercises:new): import the reference function from reference/ and its misconception table from
// reference/misconceptions/ (write both there first if no exercise uses them yet), then delete the stand-ins below.

/** TODO(exercises:new): stand-in for the reference function; its parameter names and types become the students'. */
function reference(W: Mat, x: Vec): Vec {
  throw new Error(`TODO(exercises:new): no reference function yet (W is ${W.length} × …, x has ${x.length})`);
}
type Args = Parameters<typeof reference>;

/** A random case; put builders that other exercises could share next to the reference instead. */
function random(rng: Rng, name: Bilingual, n: number): Case<Args> {
  return { name, args: [rng.gaussianMat(n, n), rng.gaussianVec(n)] };
}

export default defineExercise({
  title: { en: "TODO(exercises:new) title", zh: "TODO(exercises:new) 标题" },
  points: 10,
  entry: "TODO_entry", // TODO(exercises:new): the function name students export
  doc: "TODO(exercises:new): one or two lines for the editor: the formula, every argument's shape, what is returned.",
  reference,
  output: { kind: "float" },
  visibleCases: (): Case<Args>[] => [
    // TODO(exercises:new): at least 2 small cases a student can follow by hand (one is the prompt's example)
    random(new Rng("{{slug}} visible"), { en: "small example", zh: "小例子" }, 2),
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    // TODO(exercises:new): at least 10 cases, the same number for every seed, edge cases included
    const cases: Case<Args>[] = [];
    for (let i = 0; i < 10; i++)
      cases.push(random(rng, { en: `random ${i + 1}`, zh: `随机 ${i + 1}` }, rng.intRange(2, 6)));
    return cases;
  },
  misconceptions: [], // TODO(exercises:new): the reference function's table from reference/misconceptions/
  helpers: [...LINEAR_ALGEBRA],
});
