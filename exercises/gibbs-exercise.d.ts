/** The exercise module that exercises/mutation.ts bundles into the mutation worker (an esbuild virtual module). */
declare module "gibbs:exercise" {
  const spec: import("../grader/spec").ExerciseDefinition;
  export default spec;
}
