// The editor's "lab" declarations are generated from grader/lab/lab.ts; they must not go stale.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { LAB_TYPES_FILE, labTypesModule } from "@/scripts/lab-types";

describe("lab types for the editor", () => {
  it("match grader/lab/lab.ts (run `npm run lab:types` after changing the helpers)", () => {
    const fresh = labTypesModule();
    expect(fs.readFileSync(LAB_TYPES_FILE, "utf8")).toBe(fresh);
    expect(fresh).toContain("file:///node_modules/@types/lab/index.d.ts");
    expect(fresh).toMatch(/export declare function sigmoid\(/);
  });
});
