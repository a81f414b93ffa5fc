/**
 * Monaco from the npm package only: workers bundled with the app, the TypeScript
 * language service configured once, and @monaco-editor/react told to use this
 * instance (so it never fetches from a CDN). Browser-only: import it from a
 * component loaded with `ssr: false`.
 */

import * as monaco from "monaco-editor";
import { loader } from "@monaco-editor/react";
import { LAB_TYPES } from "./labTypes.generated";

declare global {
  var MonacoEnvironment: monaco.Environment | undefined;
}

globalThis.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === "typescript" || label === "javascript") {
      return new Worker(new URL("./ts.worker.ts", import.meta.url), { type: "module", name: "ts" });
    }
    return new Worker(new URL("./editor.worker.ts", import.meta.url), { type: "module", name: "editor" });
  },
};

const ts = monaco.typescript;
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
  lib: ["es2022"],
});
ts.typescriptDefaults.setEagerModelSync(true);
for (const lib of LAB_TYPES) ts.typescriptDefaults.addExtraLib(lib.content, lib.path);

let exerciseLib: monaco.IDisposable | null = null;

/**
 * Makes the exercise's declaration known to the language service as globals
 * (its `export` keywords dropped), so the types its signature uses resolve in the
 * student's file and hover shows the documented signature.
 */
export function setExerciseDeclaration(declaration: string): void {
  exerciseLib?.dispose();
  const ambient = declaration
    .replace(/^(\s*)export\s+(declare\s+)?/gm, "$1declare ")
    .replace(/declare\s+declare\s+/g, "declare ");
  exerciseLib = ts.typescriptDefaults.addExtraLib(ambient, "file:///exercise/declaration.d.ts");
}

monaco.editor.defineTheme("gibbs-light", { base: "vs", inherit: true, rules: [], colors: {} });
// Comments brighter than vs-dark's #6A9955, for at least 4.5:1 on the editor background.
monaco.editor.defineTheme("gibbs-dark", {
  base: "vs-dark",
  inherit: true,
  rules: [{ token: "comment", foreground: "8FBC7F" }],
  colors: {},
});

loader.config({ monaco });

export { monaco };
