/**
 * `npm run grade -- <exercise-slug> <file.ts> [--json] [--run] [--zh]`
 *
 * Grades a file through the same sandbox as the workers (visible + hidden cases, or the
 * visible ones with --run) and prints a table, or Gradescope results.json with --json. The grading
 * runs in a child process (gradeProcess.ts), like a worker's, so this process always prints exactly
 * one parseable result and exits normally, whatever the code did to the sandbox.
 * Exit code: 0 when graded (whatever the score), 1 for a compile/load error, 2 for bad usage,
 * 3 when the grader itself failed (no score: the output says why).
 */

import { fork } from "node:child_process";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { loadCatalogue } from "../exercises/catalogue";
import type { GradeResult } from "./grade";
import type { GradeReply, GradeRequest } from "./gradeProcess";
import { toGradescope } from "./results";

function usage(msg: string): never {
  console.error(`${msg}\nusage: npm run grade -- <exercise-slug> <file.ts> [--json] [--run] [--zh]`);
  process.exit(2);
}

export function formatTable(r: GradeResult, lang: "en" | "zh" = "en"): string {
  const lines: string[] = [];
  const w = Math.max(4, ...r.cases.map((c) => c.name[lang].length));
  lines.push(`${r.exercise} (${r.mode}, seed ${r.seed}): ${r.status}, score ${fmt(r.score)} / ${fmt(r.maxScore)}`);
  lines.push(r.message[lang]);
  if (r.position) lines.push(`  at line ${r.position.line}, column ${r.position.column}`);
  lines.push("");
  lines.push(
    `${"case".padEnd(w)}  ${"visibility".padEnd(14)}  ${"status".padEnd(6)}  ${"score".padStart(11)}  ${"run ms".padStart(7)}  hint`,
  );
  for (const c of r.cases) {
    lines.push(
      `${c.name[lang].padEnd(w)}  ${c.visibility.padEnd(14)}  ${c.status.padEnd(6)}  ${`${fmt(c.score)}/${fmt(c.max_score)}`.padStart(11)}  ${c.timings.runMs.toFixed(2).padStart(7)}  ${c.hintId ?? ""}`,
    );
    if (c.status !== "passed")
      lines.push(`${" ".repeat(w + 2)}${c.message[lang].replace(/\n/g, `\n${" ".repeat(w + 2)}`)}`);
    if (c.console)
      lines.push(`${" ".repeat(w + 2)}console: ${c.console.slice(0, 400).replace(/\n/g, `\n${" ".repeat(w + 11)}`)}`);
  }
  const t = r.timings;
  lines.push("");
  lines.push(
    `timings: transpile ${t.transpileMs.toFixed(2)} ms, isolate ${t.isolateMs.toFixed(2)} ms, run ${t.runMs.toFixed(2)} ms, compare ${t.compareMs.toFixed(2)} ms, total ${t.totalMs.toFixed(2)} ms`,
  );
  return lines.join("\n");
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith("--")));
  const [slug, file] = args.filter((a) => !a.startsWith("--"));
  if (!slug || !file) usage("missing arguments");
  const catalogue = await loadCatalogue(process.env.GIBBS_EXERCISES_DIR);
  const entry = catalogue.get(slug) ?? [...catalogue.values()].find((e) => e.folder === slug);
  if (!entry) usage(`unknown exercise "${slug}"; known: ${[...catalogue.keys()].join(", ")}`);
  if (!fs.existsSync(file)) usage(`no such file: ${file}`);
  const reply = await gradeInChild({
    folder: entry.folder,
    exercisesDir: process.env.GIBBS_EXERCISES_DIR,
    code: fs.readFileSync(file, "utf8"),
    mode: flags.has("--run") ? "run" : "submit",
  });
  if (!reply.ok) {
    const output = `The grader failed (this is not a score): ${reply.error}`;
    fs.writeSync(1, `${flags.has("--json") ? JSON.stringify({ score: 0, output, tests: [] }, null, 2) : output}\n`);
    process.exit(3);
  }
  const r = reply.result;
  const text = flags.has("--json")
    ? JSON.stringify(toGradescope(r), null, 2)
    : formatTable(r, flags.has("--zh") ? "zh" : "en");
  fs.writeSync(1, `${text}\n`);
  process.exit(r.status === "ok" ? 0 : 1);
}

/** Grades in a fresh child process; resolves with its result, or with why the child ended without one. */
function gradeInChild(req: GradeRequest): Promise<GradeReply> {
  return new Promise((resolve) => {
    const child = fork(fileURLToPath(new URL("./gradeProcess.ts", import.meta.url)), [], {
      execArgv: ["--no-node-snapshot", "--import", "tsx"],
      serialization: "advanced",
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    let reply: GradeReply | undefined;
    child.on("message", (m: GradeReply) => (reply = m));
    child.on("exit", (code, signal) =>
      resolve(
        reply ?? { ok: false, error: `the grading process ended without a result (${signal ?? `exit code ${code}`})` },
      ),
    );
    child.send(req);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
