/**
 * `npm run exercises:new -- <section> <slug>`: scaffolds `exercises/<section>-<slug>/` from
 * exercises/_template/. Every placeholder is marked TODO(exercises:new): exercises:check fails,
 * and exercises:sync stores nothing, until none is left.
 */

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EXERCISES_DIR, parseFolder } from "./catalogue";

const TEMPLATE = path.join(EXERCISES_DIR, "_template");

/** Creates the folder and returns its path; refuses a bad name or an existing folder. */
export function scaffoldExercise(section: string, slug: string, root: string = EXERCISES_DIR): string {
  const folder = `${section}-${slug}`;
  parseFolder(folder);
  const dir = path.join(root, folder);
  if (fs.existsSync(dir)) throw new Error(`exercises/${folder} already exists`);
  fs.mkdirSync(dir, { recursive: true });
  for (const name of fs.readdirSync(TEMPLATE)) {
    const text = fs.readFileSync(path.join(TEMPLATE, name), "utf8");
    fs.writeFileSync(path.join(dir, name), text.replaceAll("{{slug}}", slug).replaceAll("{{section}}", section));
  }
  return dir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [section, slug] = process.argv.slice(2);
  try {
    if (!section || !slug)
      throw new Error("usage: npm run exercises:new -- <section> <slug>   e.g. 10.3 rbm-my-exercise");
    const dir = scaffoldExercise(section, slug);
    console.log(
      `created ${path.relative(process.cwd(), dir)}/ (exercise.ts, prompt.en.md, prompt.zh.md, starter.ts, solution.ts).\n` +
        `Replace every TODO(exercises:new) (exercises/README.md explains each file), then run npm run exercises:check -- ${slug}.`,
    );
  } catch (e) {
    console.error(`exercises:new: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
