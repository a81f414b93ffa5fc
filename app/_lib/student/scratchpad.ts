/**
 * The scratchpad ("Try"): the student's code on the student's own arguments, in the sandbox like
 * Run (same budget, same priority, no attempt spent). Nothing is compared and no expected value
 * is shown, since that would hand out the reference. The arguments arrive as the text the student
 * typed, so that every mistake in it gets a message here, in both languages.
 */

import type { Db } from "@/prisma/client";
import type { StudentContext } from "@/app/_lib/access";
import { InputError } from "@/app/_lib/errors";
import { studentExercise, type ExerciseRef } from "./scope";
import { checkCode } from "./drafts";
import { runAndWait, type WaitOptions } from "./submissions";
import { entryArgNames } from "./view";
import type { SubmissionView } from "./types";

/** The arguments' JSON text, at most (a 4×3 RBM's are a few hundred bytes). */
export const TRY_ARGS_MAX_BYTES = 200_000;

/** Parses the student's arguments: a JSON array with one element per parameter of the entry function. */
export function checkTryArgs(text: unknown, names: string[]): string {
  if (typeof text !== "string") throw new InputError("bad_request", { reason: '"args" must be a string' });
  const size = Buffer.byteLength(text, "utf8");
  if (size > TRY_ARGS_MAX_BYTES) throw new InputError("try_args_too_large", { size, limit: TRY_ARGS_MAX_BYTES });
  let args: unknown;
  try {
    args = JSON.parse(text);
  } catch {
    throw new InputError("try_args_not_json", { names: names.join(", ") });
  }
  if (!Array.isArray(args) || args.length !== names.length)
    throw new InputError("try_args_count", {
      expected: names.length,
      names: names.join(", "),
      got: Array.isArray(args) ? args.length : 0,
    });
  return JSON.stringify(args);
}

export async function tryCode(
  db: Db,
  ctx: StudentContext,
  ref: ExerciseRef & { code: unknown; args: unknown },
  opts: WaitOptions = {},
): Promise<SubmissionView> {
  const ex = await studentExercise(db, ctx, ref, opts.now ?? new Date());
  const code = checkCode(ref.code);
  const tryArgs = checkTryArgs(ref.args, entryArgNames(ex.version));
  return runAndWait(db, ctx, ex, code, { tryArgs }, opts);
}
