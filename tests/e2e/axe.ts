/** axe-core in a page: its serious and critical violations, as "rule (help): target data" lines. */

import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "./harness";

const AXE = fs.readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; any: { data?: unknown }[] }[];
};

export async function seriousViolations(page: Page): Promise<string[]> {
  // A client navigation sets the new <title> just after it renders: let it land (a page with no title still fails).
  await page.waitForFunction(() => document.title !== "", undefined, { timeout: 5000 }).catch(() => {});
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.help}): ${n.target.join(" ")} ${JSON.stringify(n.any[0]?.data ?? "")}`),
    );
}
