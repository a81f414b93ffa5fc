// ESLint (flat config): typescript-eslint's type-checked rules, React hooks, and Next.js.
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import nextPlugin from "@next/eslint-plugin-next";

export default defineConfig([
  globalIgnores([
    "node_modules/",
    ".next/",
    "data/",
    "bench/",
    "test-results/",
    "prisma/generated/",
    "next-env.d.ts",
    "app/_components/editor/labTypes.generated.ts",
    "tests/fixtures/submissions/",
  ]),
  {
    files: ["**/*.{ts,tsx}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // An adapter may implement an async interface synchronously (SQLite beside PostgreSQL).
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
    plugins: { "@next/next": nextPlugin },
    rules: { ...nextPlugin.configs.recommended.rules, ...nextPlugin.configs["core-web-vitals"].rules },
  },
  // A starter is the student's stub, in the student's dialect: its parameters and `let`s are
  // there to be used, and `Array(n).fill(0)` is how the lecture's code builds an array.
  {
    files: ["exercises/*/starter.ts", "tests/grader/fixtures/*/starter.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": "off",
      "prefer-const": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
  // A spec or misconception "of any exercise" must accept every signature: parameters are
  // contravariant, so `any[]`, not `unknown[]`, is the top type of an argument list there.
  {
    files: ["grader/spec.ts", "reference/misconceptions/types.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  { files: ["**/*.{js,cjs,mjs}"], extends: [tseslint.configs.disableTypeChecked] },
]);
