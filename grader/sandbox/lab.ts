/**
 * The "lab" helper module inside the isolate: grader/lab/lab.ts bundled once per process
 * into a script that declares `var __gibbsLabModule` (the module's exports). The harness
 * evaluates it in each isolate and hands a student's `require("lab")` only the exports
 * their exercise lists in `helpers`.
 */

import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

export const LAB_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "lab", "lab.ts");

let labBundle: Promise<string> | undefined;

export function labSource(): Promise<string> {
  labBundle ??= esbuild
    .build({
      entryPoints: [LAB_ENTRY],
      bundle: true,
      write: false,
      format: "iife",
      globalName: "__gibbsLabModule",
      platform: "neutral",
      target: "es2022",
      logLevel: "silent",
    })
    .then((r) => r.outputFiles[0].text);
  return labBundle;
}
