"use server";
/**
 * Staff server actions. Each one re-checks access through staffPage (the shell's role
 * helper), calls the staff logic, and redirects back with ?ok=… or ?error=<code>.
 */

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { db } from "@/prisma/client";
import { staffPage, inputErrorCode } from "@/app/_lib/staff/server";
import { StaffNotFoundError } from "@/app/_lib/staff/access";
import { setOverride } from "@/app/_lib/staff/overrides";
import { addComment } from "@/app/_lib/staff/comments";
import {
  createAssignment,
  removeExtension,
  setExtension,
  updateAssignment,
  type AssignmentInput,
} from "@/app/_lib/staff/assignments";
import { commitRegrade, discardRegrade, startRegrade } from "@/app/_lib/staff/regrade";
import { commitRoster, previewRoster, type RosterCommitResult, type RosterPreview } from "@/app/_lib/staff/roster";

const str = (f: FormData, k: string) => String(f.get(k) ?? "");
const base = (courseId: string) => `/courses/${encodeURIComponent(courseId)}/staff`;
/** A form's "back" path, accepted only inside this course's staff area (no open redirects). */
const backOf = (courseId: string, form: FormData) => {
  const b = str(form, "back");
  return b.startsWith(`${base(courseId)}/`) && !b.includes("//") ? b : base(courseId);
};

/** Runs an action; input errors redirect back with ?error=code, "not found" with a 404. */
async function act(back: string, fn: () => Promise<string | void>): Promise<never> {
  let to: string;
  try {
    to = (await fn()) ?? back;
  } catch (e) {
    const code = inputErrorCode(e);
    if (code) redirect(`${back}${back.includes("?") ? "&" : "?"}error=${code}`);
    if (e instanceof StaffNotFoundError) redirect(`${back}${back.includes("?") ? "&" : "?"}error=notFound`);
    throw e;
  }
  revalidatePath(back.split("?")[0]);
  redirect(to);
}

export async function overrideAction(courseId: string, form: FormData) {
  const { actor } = await staffPage(courseId);
  const back = backOf(courseId, form);
  return act(back, async () => {
    await setOverride(db(), actor, {
      assignmentId: str(form, "assignmentId"),
      exerciseId: str(form, "exerciseId"),
      userId: str(form, "userId"),
      score: str(form, "score").trim() === "" ? Number.NaN : Number(str(form, "score")),
      reason: str(form, "reason"),
    });
    return `${back}${back.includes("?") ? "&" : "?"}ok=override`;
  });
}

export async function commentAction(courseId: string, submissionId: string, form: FormData) {
  const { actor } = await staffPage(courseId);
  const back = `${base(courseId)}/submissions/${submissionId}`;
  return act(back, async () => {
    const line = str(form, "line").trim();
    await addComment(db(), actor, { submissionId, line: line ? Number(line) : null, body: str(form, "body") });
    return `${back}?ok=comment#comments`;
  });
}

export async function startRegradeAction(courseId: string, form: FormData) {
  const { actor } = await staffPage(courseId);
  const back = backOf(courseId, form);
  return act(back, async () => {
    const submissionId = str(form, "submissionId");
    const assignmentId = str(form, "assignmentId");
    const exerciseId = str(form, "exerciseId") || null;
    const r = await startRegrade(
      db(),
      actor,
      submissionId ? { submissionId } : assignmentId ? { assignmentId, exerciseId } : { exerciseId: exerciseId ?? "" },
    );
    return `${base(courseId)}/regrades/${r.id}`;
  });
}

export async function commitRegradeAction(courseId: string, regradeId: string) {
  const { actor } = await staffPage(courseId);
  const back = `${base(courseId)}/regrades/${regradeId}`;
  return act(back, async () => {
    await commitRegrade(db(), actor, regradeId);
    return `${back}?ok=committed`;
  });
}

export async function discardRegradeAction(courseId: string, regradeId: string) {
  const { actor } = await staffPage(courseId);
  const back = `${base(courseId)}/regrades/${regradeId}`;
  return act(back, async () => {
    await discardRegrade(db(), actor, regradeId);
    return `${back}?ok=discarded`;
  });
}

function assignmentFromForm(form: FormData): AssignmentInput {
  const ids = form.getAll("exerciseId").map(String);
  const items = ids
    .filter((id) => form.get(`include:${id}`) === "on")
    .map((id) => ({
      exerciseId: id,
      points: Number(str(form, `points:${id}`)),
      position: Number(str(form, `position:${id}`) || 0),
    }))
    .sort((a, b) => a.position - b.position)
    .map(({ exerciseId, points }) => ({ exerciseId, points }));
  const date = (k: string) => (str(form, k) ? new Date(str(form, k)) : new Date(Number.NaN));
  const attempts = str(form, "attemptLimit").trim();
  return {
    titleEn: str(form, "titleEn"),
    titleZh: str(form, "titleZh"),
    releaseAt: date("releaseAt"),
    dueAt: date("dueAt"),
    latePenaltyPerDay: Number(str(form, "latePenaltyPercent") || 0) / 100,
    lateDaysMax: Number(str(form, "lateDaysMax") || 0),
    attemptLimit: attempts ? Number(attempts) : null,
    scorePolicy: str(form, "scorePolicy") === "latest" ? "latest" : "best",
    labReference: form.get("labReference") === "on",
    items,
  };
}

export async function saveAssignmentAction(courseId: string, assignmentId: string | null, form: FormData) {
  const { actor } = await staffPage(courseId);
  const back = assignmentId ? `${base(courseId)}/assignments/${assignmentId}` : `${base(courseId)}/assignments/new`;
  return act(back, async () => {
    const input = assignmentFromForm(form);
    const a = assignmentId
      ? await updateAssignment(db(), actor, assignmentId, input)
      : await createAssignment(db(), actor, input);
    return `${base(courseId)}/assignments/${a.id}?ok=saved`;
  });
}

export async function extensionAction(courseId: string, assignmentId: string, form: FormData) {
  const { actor } = await staffPage(courseId);
  const back = `${base(courseId)}/assignments/${assignmentId}`;
  return act(back, async () => {
    if (str(form, "remove")) {
      await removeExtension(db(), actor, { assignmentId, userId: str(form, "userId"), reason: str(form, "reason") });
    } else {
      const due = str(form, "dueAt");
      await setExtension(db(), actor, {
        assignmentId,
        userId: str(form, "userId"),
        dueAt: due ? new Date(due) : new Date(Number.NaN),
        reason: str(form, "reason"),
      });
    }
    return `${back}?ok=extension#extensions`;
  });
}

export type RosterState =
  | { step: "start"; error?: string }
  | { step: "preview"; csv: string; preview: RosterPreview }
  | { step: "done"; result: RosterCommitResult }
  | { step: "error"; csv: string; error: string };

/** For useActionState: "preview" parses and classifies; "commit" imports the good rows. */
export async function rosterAction(courseId: string, _prev: RosterState, form: FormData): Promise<RosterState> {
  const { actor } = await staffPage(courseId);
  if (str(form, "intent") === "reset") return { step: "start" };
  const file = form.get("file");
  const csv = file instanceof File && file.size > 0 ? await file.text() : str(form, "csv");
  try {
    if (str(form, "intent") === "commit") return { step: "done", result: await commitRoster(db(), actor, csv) };
    return { step: "preview", csv, preview: await previewRoster(db(), actor, csv) };
  } catch (e) {
    const code = inputErrorCode(e);
    if (code) return { step: "error", csv, error: code };
    throw e;
  }
}
