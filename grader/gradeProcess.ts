/**
 * The child process of `npm run grade` (cli.ts forks it): one grading, so that the sandbox never
 * shares a process with the caller, as in the queue's workers. Hostile code can end a process in
 * ways no JavaScript can catch (an isolate V8 cannot interrupt keeps its thread, which blocks a
 * normal exit; isolated-vm can crash at exit after a huge error), so the result is sent to the
 * parent first, and only then does this process end, however it must.
 *
 *   parent → child: GradeRequest;  child → parent: GradeResult (advanced serialisation: NaN, ±Infinity).
 */

import { fileURLToPath } from "node:url";
import { loadExercise } from "../exercises/catalogue";
import { grade, type GradeResult, type Mode } from "./grade";
import { releaseSpare } from "./sandbox/sandbox";

export interface GradeRequest {
  /** Exercise folder name and the folder of exercises it is in. */
  folder: string;
  exercisesDir?: string;
  code: string;
  mode: Mode;
}

export type GradeReply = { ok: true; result: GradeResult } | { ok: false; error: string };

async function serve(req: GradeRequest): Promise<void> {
  let reply: GradeReply;
  let hung = false;
  try {
    const entry = await loadExercise(req.folder, req.exercisesDir);
    const result = await grade({ spec: entry.spec, code: req.code, mode: req.mode });
    hung = !!result.hung;
    reply = { ok: true, result };
  } catch (err) {
    reply = { ok: false, error: String((err as Error)?.stack ?? err) };
  }
  process.send!(reply, undefined, {}, () => {
    // A hung isolate's thread would block exit; so could a crash-prone teardown: the result is out, so stop hard.
    if (hung) process.kill(process.pid, "SIGKILL");
    void releaseSpare().finally(() => process.exit(0));
  });
}

if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
  process.once("message", (req: GradeRequest) => void serve(req));
}
