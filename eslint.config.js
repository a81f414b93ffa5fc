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
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
    plugins: { "@next/next": nextPlugin },
    rules: { ...nextPlugin.configs.recommended.rules, ...nextPlugin.configs["core-web-vitals"].rules },
  },
  // A starter is the student's stub: its parameters are there to be used by the student.
  { files: ["exercises/*/starter.ts"], rules: { "@typescript-eslint/no-unused-vars": "off" } },
  { files: ["**/*.{js,cjs,mjs}"], extends: [tseslint.configs.disableTypeChecked] },
]);
