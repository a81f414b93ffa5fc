/**
 * Student TypeScript → JavaScript for the sandbox.
 *
 * esbuild is the reference transform: its verdict on a file (the JavaScript, or a compile error
 * with its position) is what grading has always used. grade() takes a fast path first:
 * @swc/core in a thread of this process (fastTransform.ts; two transforms, ~0.6 ms of CPU for a
 * 1.5 KB solution, against ~1.8 ms for a request to esbuild's service process, most of it there). Its output is used
 * only where esbuild's verdict would be the same; everything else goes to esbuild:
 * - swc fails to parse the file, or does not answer in time;
 * - the file says `require` anywhere, or imports anything but listed "lab" helpers;
 * - the file, as an ES module with its types stripped (`moduleSource`), has an early error: the
 *   sandbox compiles it before loading (esbuild parses the file as a module, so a duplicate export,
 *   a name declared twice, or strict mode's rules are its compile errors; swc reports only some);
 * - the output does not load in the sandbox (a syntax error, a throw, no entry function).
 * grade.ts then asks `fast.byEsbuild`. Both outputs run as sloppy CommonJS (esbuild's has no
 * "use strict"). tests/grader/transpile-paths.test.ts holds the two to the same grades.
 *
 * The student's file is transformed to CommonJS and later wrapped by the sandbox as
 * `(function (module, exports, require) { … })`, where `require` is a trusted
 * function inside the isolate that returns only the exercise's helpers from "lab".
 * Any other import (static, `import()` or `require`) is rejected here with the module's
 * name and position, and so is importing a "lab" export the exercise does not list;
 * a computed `require(x)` fails at run time with the same text.
 * Syntax errors carry the line and column in the student's own file. Type errors are
 * not checked: the editor shows them and grading judges behaviour.
 */

import type { Options as SwcOptions } from "@swc/core";
import * as esbuild from "esbuild";
import { swcTransforms } from "./fastTransform";
import { MAX_CODE_BYTES } from "./limits";
import { bi, type Bilingual } from "./messages";

/** Position of a problem in the student's file, 1-based line and column. */
export interface SourcePosition {
  line: number;
  column: number;
  lineText: string;
}

export type TranspileResult =
  | {
      ok: true;
      js: string;
      /**
       * The source map of `js`, made on the first call only (a run-time error's line): the same
       * transform with a map costs more CPU (~0.6 ms with esbuild), and most submissions never throw.
       */
      sourceMap: () => Promise<string>;
      /** Set when `js` came from the fast path (see the file comment). */
      fast?: {
        /** The file as an ES module, types stripped: compiled by the sandbox as a check, never run. */
        moduleSource: string;
        /** The file through esbuild, whose verdict stands when the check or the load fails. */
        byEsbuild: () => Promise<TranspileResult>;
      };
      ms: number;
    }
  | {
      ok: false;
      message: Bilingual;
      position?: SourcePosition;
      /** With a position: the message without its location, for a page that states the location once. */
      detail?: Bilingual;
      ms: number;
    };

export interface TranspileOptions {
  /** The "lab" exports the exercise allows (its spec's `helpers`); none means no imports at all. */
  helpers: readonly string[];
  /**
   * false: esbuild only. For code that does not go through grade()'s checks (the labs' browser code),
   * and for tests that compare the two ways.
   */
  fastPath?: boolean;
}

const transpileCache = new Map<string, TranspileResult>();
const CACHE_MAX = 256;

/** TS → CommonJS JS for the sandbox, or a bilingual compile error. Results are memoised by code. */
export async function transpile(code: string, opts: TranspileOptions): Promise<TranspileResult> {
  const t0 = performance.now();
  const key = `${opts.fastPath === false ? "esbuild\0" : ""}${opts.helpers.join(",")}\0${code}`;
  const cached = transpileCache.get(key);
  if (cached) return { ...cached, ms: performance.now() - t0 };
  const result = await transpileUncached(code, opts);
  result.ms = performance.now() - t0;
  if (transpileCache.size >= CACHE_MAX) transpileCache.delete(transpileCache.keys().next().value as string);
  transpileCache.set(key, result);
  return result;
}

/** The reference transform of a student's file (its source map, when wanted, comes from the same options). */
export const TRANSFORM: esbuild.TransformOptions = {
  loader: "ts",
  format: "cjs",
  target: "es2022",
  sourcefile: "student.ts",
  // import("x") becomes require("x"), so the import check below sees it too.
  supported: { "dynamic-import": false },
  // Whitespace only (no other minification): printed with indentation, 30,000 nested blocks (a 60 KB
  // file) come out longer than V8's longest string, which throws inside esbuild's client and ends the process.
  minifyWhitespace: true,
  logLevel: "silent",
};

/**
 * The fast path's transform, to the same sloppy CommonJS at the same target. Printed compactly
 * (`minify` with neither compression nor renaming: whitespace only), so that the output stays linear
 * in the input: indented, 3,000 nested arrays print as 36 MB. `swcrc: false`: no config file is read.
 */
export const SWC_TRANSFORM: SwcOptions = {
  filename: "student.ts",
  isModule: true,
  swcrc: false,
  configFile: false,
  minify: true,
  jsc: { parser: { syntax: "typescript" }, target: "es2022", minify: { compress: false, mangle: false } },
  module: { type: "commonjs", strictMode: false },
  sourceMaps: false,
};
/** The same file left an ES module (types stripped), for the sandbox's early-error check. */
const SWC_MODULE: SwcOptions = { ...SWC_TRANSFORM, module: undefined };

async function transpileUncached(code: string, opts: TranspileOptions): Promise<TranspileResult> {
  const bytes = Buffer.byteLength(code, "utf8");
  if (bytes > MAX_CODE_BYTES) {
    return {
      ok: false,
      ms: 0,
      message: bi(
        `The file is ${Math.ceil(bytes / 1024)} KB; the limit is ${MAX_CODE_BYTES / 1024} KB.`,
        `代码文件大小为 ${Math.ceil(bytes / 1024)} KB，超过了 ${MAX_CODE_BYTES / 1024} KB 的上限。`,
      ),
    };
  }
  return (opts.fastPath === false ? undefined : await fastPath(code, opts)) ?? viaEsbuild(code, opts);
}

/** The fast path's result, or undefined where esbuild decides (see the file comment). */
async function fastPath(code: string, opts: TranspileOptions): Promise<TranspileResult | undefined> {
  // A file that says `require` anywhere (a require call; `import x = require()`, which swc drops when unused) is esbuild's.
  if (/\brequire\b/.test(code)) return undefined;
  const out = await swcTransforms(code, [SWC_TRANSFORM, SWC_MODULE]);
  if (!out) return undefined;
  const [{ code: js }, { code: moduleSource }] = out;
  // Every require in the output is swc's own `require("lab")` for an import statement, of listed helpers only.
  const labRequires = js.match(/\brequire\("lab"\)/g)?.length ?? 0;
  if ((js.match(/\brequire\b/g)?.length ?? 0) !== labRequires) return undefined;
  if (labRequires > 0 && !(opts.helpers.length > 0 && onlyListedHelpers(js, opts.helpers))) return undefined;
  let map: Promise<string> | undefined;
  // No answer (the thread is busy with a hostile file): the error is reported without its line.
  const sourceMap = () =>
    (map ??= swcTransforms(code, [{ ...SWC_TRANSFORM, sourceMaps: true }]).then((o) => {
      if (!o?.[0].map) throw new Error("no source map from the fast path");
      return o[0].map;
    }));
  return { ok: true, js, sourceMap, fast: { moduleSource, byEsbuild: () => viaEsbuild(code, opts) }, ms: 0 };
}

/** The reference transform: esbuild's JavaScript, or its compile error with the position. */
async function viaEsbuild(code: string, opts: TranspileOptions): Promise<TranspileResult> {
  let js: string;
  try {
    js = (await esbuild.transform(code, TRANSFORM)).code;
  } catch (err) {
    const e = (err as esbuild.TransformFailure).errors?.[0];
    if (!e) throw err;
    const position = e.location ? toPosition(e.location) : undefined;
    const excerpt = position ? `\n  ${position.lineText}\n  ${" ".repeat(Math.max(0, position.column - 1))}^` : "";
    return {
      ok: false,
      ms: 0,
      ...located(position, (w) =>
        bi(`Syntax error${w.en}: ${e.text}${excerpt}`, `语法错误${w.zh}：${e.text}${excerpt}`),
      ),
    };
  }
  const allowLab = opts.helpers.length > 0;
  let usesLab = false;
  for (const m of js.matchAll(/\brequire\("((?:[^"\\]|\\.)*)"\)/g)) {
    const name = JSON.parse(`"${m[1]}"`) as string;
    if (name === "lab" && allowLab) {
      usesLab = true;
      continue;
    }
    const message = importError(name, allowLab);
    return { ok: false, ms: 0, position: findSpecifier(code, name), message, detail: message };
  }
  const refused = usesLab && !onlyListedHelpers(js, opts.helpers) ? await refusedHelper(code, opts.helpers) : undefined;
  if (refused) return { ok: false, ms: 0, ...refused };
  let map: Promise<string> | undefined;
  const sourceMap = () => (map ??= esbuild.transform(code, { ...TRANSFORM, sourcemap: "external" }).then((o) => o.map));
  return { ok: true, js, sourceMap, ms: 0 };
}

/**
 * True when the output plainly uses nothing but listed helpers: every `require("lab")` is
 * `var <binding> = require("lab");` (named imports; swc writes `const <binding>=require("lab");`) and every occurrence of each binding is
 * `<binding>.<listed name>`. Anything else (a namespace or default import, a computed member, the
 * binding passed around) is left to `refusedHelper`, which decides; this only spares that bundle.
 */
function onlyListedHelpers(js: string, helpers: readonly string[]): boolean {
  const requires = js.match(/\brequire\("lab"\)/g)?.length ?? 0;
  const bindings = [...js.matchAll(/(?<![\w$])(?:var|const) ([A-Za-z_$][\w$]*) ?= ?require\("lab"\);/g)].map(
    (m) => m[1],
  );
  if (bindings.length !== requires) return false;
  const listed = new Set(helpers);
  for (const b of bindings) {
    const uses = js.match(new RegExp(`(?<![\\w$])${b.replace(/\$/g, "\\$")}(?![\\w$])`, "g"))?.length ?? 0;
    const members = [...js.matchAll(new RegExp(`(?<![\\w$])${b.replace(/\$/g, "\\$")}\\.([A-Za-z_$][\\w$]*)`, "g"))];
    // uses − 1: the declaration itself
    if (members.length !== uses - 1 || members.some((m) => !listed.has(m[1]))) return false;
  }
  return true;
}

/**
 * The first name imported from "lab" that the exercise does not list, found by bundling the file
 * against a stand-in "lab" that exports only the listed names: esbuild then reports a named,
 * default or namespace-member import of anything else, with its position.
 */
async function refusedHelper(
  code: string,
  helpers: readonly string[],
): Promise<{ message: Bilingual; position?: SourcePosition; detail?: Bilingual } | undefined> {
  const result = await esbuild
    .build({
      stdin: { contents: code, loader: "ts", sourcefile: "student.ts" },
      bundle: true,
      write: false,
      format: "esm",
      platform: "neutral",
      logLevel: "silent",
      plugins: [
        {
          name: "allowed-lab",
          setup(build) {
            build.onResolve({ filter: /^lab$/ }, () => ({ path: "lab", namespace: "allowed-lab" }));
            build.onResolve({ filter: /.*/ }, (a) => ({ path: a.path, external: true }));
            build.onLoad({ filter: /.*/, namespace: "allowed-lab" }, () => ({
              contents: helpers.map((n) => `export const ${n} = 0;`).join("\n"),
              loader: "js",
            }));
          },
        },
      ],
    })
    .then(
      (r) => r.warnings,
      (e: esbuild.BuildFailure) => e.errors,
    );
  for (const m of result) {
    const name = /import "([^"]+)"/i.exec(m.text)?.[1];
    if (!name || !/matching export/.test(m.text)) continue;
    const position = m.location ? toPosition(m.location) : undefined;
    const shown = name === "default" ? "a default export" : `"${name}"`;
    const shownZh = name === "default" ? "默认导出" : `"${name}"`;
    return located(position, (w) =>
      bi(
        `Cannot import ${shown} from "lab"${w.en}: this exercise allows only ${helpers.join(", ")}.`,
        `无法从 "lab" 导入${shownZh}${w.zh}：本题只允许导入 ${helpers.join("、")}。`,
      ),
    );
  }
  return undefined;
}

/** The bilingual text for a forbidden import (also used by the sandbox's run-time `require`). */
export function importError(name: string, allowLab: boolean): Bilingual {
  return allowLab
    ? bi(
        `Cannot import "${name}": only the helper module "lab" can be imported here.`,
        `无法导入 "${name}"：这里只能导入辅助模块 "lab"。`,
      )
    : bi(
        `Cannot import "${name}": this exercise allows no imports; write the code in this file.`,
        `无法导入 "${name}"：本题不允许导入任何模块，请在本文件中完成代码。`,
      );
}

/**
 * A problem at `position`: its message with the location written in (for text: the CLI, Gradescope)
 * and, as `detail`, the same without it (the student's page states the location once, from the fields).
 */
function located(
  position: SourcePosition | undefined,
  text: (where: Bilingual) => Bilingual,
): { position?: SourcePosition; message: Bilingual; detail?: Bilingual } {
  if (!position) return { message: text(bi("", "")) };
  const where = bi(
    ` (line ${position.line}, column ${position.column})`,
    `（第 ${position.line} 行，第 ${position.column} 列）`,
  );
  return { position, message: text(where), detail: text(bi("", "")) };
}

function toPosition(loc: esbuild.Location): SourcePosition {
  // esbuild columns count UTF-8 bytes; editors count characters.
  const column = Buffer.from(loc.lineText, "utf8").subarray(0, loc.column).toString("utf8").length + 1;
  return { line: loc.line, column, lineText: loc.lineText };
}

function findSpecifier(code: string, name: string): SourcePosition | undefined {
  for (const q of ['"', "'", "`"]) {
    const at = code.indexOf(`${q}${name}${q}`);
    if (at < 0) continue;
    const before = code.slice(0, at).split("\n");
    const line = before.length;
    return { line, column: before[line - 1].length + 1, lineText: code.split("\n")[line - 1] };
  }
  return undefined;
}
