/** Runs a lab's worker code (labs/worker.ts) in this process, as the browser's worker would, on the real digit asset. */

import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import * as lab from "@/grader/lab/lab";
import { transpile } from "@/grader/transpile";
import { labById, type LabId } from "@/labs/catalogue";
import type { FromWorker, LabCode, ToWorker } from "@/labs/protocol";
import { serve } from "@/labs/worker";
import { writeDigitsAsset } from "@/scripts/lab-digits";
import type { Bilingual } from "@/grader/spec";

let server: Promise<string> | undefined;

/** An http URL serving the digit asset (built into a temporary folder once per test file). */
export function digitsUrl(): Promise<string> {
  server ??= new Promise((resolve) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gibbs-lab-")), "digits.bin");
    writeDigitsAsset(file);
    const bytes = fs.readFileSync(file);
    // no keep-alive: a reused socket that the server closes meanwhile fails the next fetch
    const s = http.createServer((_req, res) => res.writeHead(200, { connection: "close" }).end(bytes));
    s.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}/digits.bin`));
    s.unref();
  });
  return server;
}

/** Every "lab" export: the solutions import what their exercises allow, which is a subset. */
export const LAB_EXPORTS = Object.keys(lab);

/** The exercises' solution.ts files for a lab, transpiled by the grader's rules. */
export async function solutionCode(lab: LabId, replace: Record<string, string> = {}): Promise<LabCode> {
  const code: LabCode = {};
  for (const f of labById(lab)!.functions) {
    const folder = fs.readdirSync("exercises").find((d) => d.endsWith(`-${f.slug}`))!;
    const ts = replace[f.entry] ?? fs.readFileSync(path.join("exercises", folder, "solution.ts"), "utf8");
    const out = await transpile(ts, { helpers: LAB_EXPORTS, fastPath: false }); // as app/_lib/labs.ts
    if (!out.ok) throw new Error(out.message.en);
    code[f.entry] = out.js;
  }
  return code;
}

export interface LabOutcome {
  result: Record<string, unknown>;
  warnings: Bilingual[];
  error?: Bilingual;
  messages: FromWorker[];
}

/** Starts a run and resolves when the worker says done or error. */
export async function runLab(lab: LabId, params: Record<string, unknown>, code: LabCode): Promise<LabOutcome> {
  const url = await digitsUrl();
  return new Promise((resolve) => {
    const out: LabOutcome = { result: {}, warnings: [], messages: [] };
    const port = {
      onmessage: null as ((ev: { data: ToWorker }) => void) | null,
      postMessage(m: FromWorker) {
        out.messages.push(m);
        if (m.type === "update") Object.assign(out.result, m.patch);
        if (m.type === "warning") out.warnings.push(m.message);
        if (m.type === "error") resolve({ ...out, error: m.message });
        if (m.type === "done") resolve(out);
      },
    };
    serve(port);
    port.onmessage!({ data: { type: "start", lab, params, code, digitsUrl: url } });
  });
}
