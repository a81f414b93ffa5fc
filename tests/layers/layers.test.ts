/**
 * Dependencies point one way (ARCHITECTURE.md): the rules are in .dependency-cruiser.cjs,
 * checked here over every source folder by dependency-cruiser.
 */

import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { cruise, type ICruiseResult, type IConfiguration } from "dependency-cruiser";

const config = createRequire(import.meta.url)("../../.dependency-cruiser.cjs") as IConfiguration;
const SOURCES = ["accounts", "app", "grader", "exercises", "prisma", "reference", "scripts", "proxy.ts"];

describe("layers", () => {
  it("no import points up a layer and there are no cycles", async () => {
    const { output } = await cruise(SOURCES, {
      ...config.options,
      ruleSet: { forbidden: config.forbidden },
      validate: true,
    });
    const result = output as ICruiseResult;
    expect(result.summary.totalCruised).toBeGreaterThan(200);
    const violations = result.summary.violations.map((v) =>
      v.cycle?.length
        ? `${v.rule.name}: ${v.cycle.map((c) => c.name).join(" → ")}`
        : `${v.rule.name}: ${v.from} → ${v.to}`,
    );
    expect(violations).toEqual([]);
  }, 60_000);
});
