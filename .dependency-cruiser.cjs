/**
 * The layers of Gibbs, lowest first; an import may only point down (ARCHITECTURE.md):
 *   reference ← grader core ← catalogue (exercises/) ← { grader processes, app, scripts }
 * The database module (prisma/) and accounts/ (passwords, e-mail) sit beside grader core: the layers
 * above use them.
 * tests/layers.test.ts fails on any violation.
 */
const GRADER_TOP = "^grader/(worker|supervisor|cli|gradeProcess|bench|benchDatabase|queueFixture)\\.ts$";
/** The queue on the database: above grader core, below the processes. */
const GRADER_QUEUE = "^grader/(queue|resultWriter|wakeup)\\.ts$";
const GRADER_CORE = "^grader/";
module.exports = {
  forbidden: [
    { name: "no-cycles", severity: "error", from: {}, to: { circular: true } },
    {
      name: "reference-is-self-contained",
      comment: "The reference core is pure TypeScript with no dependencies.",
      severity: "error",
      from: { path: "^reference/" },
      to: { pathNot: ["^reference/"] },
    },
    {
      name: "grader-core-imports-only-reference",
      severity: "error",
      from: { path: GRADER_CORE, pathNot: [GRADER_TOP, GRADER_QUEUE] },
      to: { path: "^(exercises|app|scripts|prisma|tests)/" },
    },
    {
      name: "queue-imports-core-and-db",
      severity: "error",
      from: { path: GRADER_QUEUE },
      to: { path: ["^(exercises|app|scripts|tests)/", GRADER_TOP] },
    },
    {
      name: "db-is-below-everything",
      severity: "error",
      from: { path: "^prisma/" },
      to: { path: "^(reference|grader|exercises|app|scripts|tests)/" },
    },
    {
      name: "catalogue-below-processes-and-app",
      severity: "error",
      from: { path: "^exercises/" },
      to: { path: ["^(app|scripts|tests)/", GRADER_TOP, GRADER_QUEUE] },
    },
    {
      name: "app-and-scripts-are-peers",
      severity: "error",
      from: { path: "^(scripts|grader|prisma)/" },
      to: { path: "^app/" },
    },
    {
      name: "accounts-is-framework-free",
      comment: "Password hashing and e-mail rules, shared by the app and the seed script.",
      severity: "error",
      from: { path: "^accounts/" },
      to: { path: "^(reference|grader|exercises|app|scripts|prisma|tests)/" },
    },
    {
      name: "nothing-imports-tests",
      severity: "error",
      from: { pathNot: "^tests/" },
      to: { path: "^tests/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^node_modules", "^\\.next", "^prisma/generated"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
