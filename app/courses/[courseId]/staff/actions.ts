"use server";
/**
 * Staff server actions. Each one gets the caller's context through the action adapter
 * (a refused context is a 404, like a page), calls the staff logic, and redirects back
 * with ?ok=… or ?error=<code>.
 */

import { db } from "@/prisma/client";
import { action } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { act, backOf, base } from "./act";
import { courseTimeZone, fromZonedInput } from "@/app/_lib/dates";
import { setOverride, setOverrides } from "@/app/_lib/staff/overrides";
import { addComment } from "@/app/_lib/staff/comments";
import {
  createAssignment,
  removeExtension,
  setExtension,
  setExtensions,
  updateAssignment,
  type AssignmentInput,
} from "@/app/_lib/staff/assignments";
import { commitRegrade, discardRegrade, startRegrade } from "@/app/_lib/staff/regrade";
import { formText } from "@/app/_lib/forms";
import { commitRoster, previewRoster, type RosterCommitResult, type RosterPreview } from "@/app/_lib/staff/roster";

export async function overrideAction(courseId: string, form: FormData) {
  const back = backOf(courseId, form);
  return act(courseId, back, async (actor) => {
    await setOverride(db(), actor, {
      assignmentId: formText(form, "assignmentId"),
      exerciseId: formText(form, "exerciseId"),
      userId: formText(form, "userId"),
      score: formText(form, "score").trim() === "" ? Number.NaN : Number(formText(form, "score")),
      reason: formText(form, "reason"),
    });
    return `${back}${back.includes("?") ? "&" : "?"}ok=override`;
  });
}

/** The gradebook's bulk form: one override or one extension, with one reason, for the ticked students. */
export async function bulkAction(courseId: string, form: FormData) {
  const back = backOf(courseId, form);
  return act(courseId, back, async (actor) => {
    const userIds = form.getAll("userId").map(String);
    const reason = formText(form, "reason");
    const sep = back.includes("?") ? "&" : "?";
    if (formText(form, "intent") === "extension") {
      await setExtensions(db(), actor, {
        assignmentId: formText(form, "assignmentId"),
        userIds,
        dueAt: fromZonedInput(formText(form, "dueAt"), courseTimeZone()),
        reason,
      });
      return `${back}${sep}ok=bulkExtension`;
    }
    const [assignmentId = "", exerciseId = ""] = formText(form, "column").split(":");
    const score = formText(form, "score").trim();
    await setOverrides(db(), actor, {
      assignmentId,
      exerciseId,
      userIds,
      score: score === "" ? Number.NaN : Number(score),
      reason,
    });
    return `${back}${sep}ok=bulkOverride`;
  });
}

export async function commentAction(courseId: string, submissionId: string, form: FormData) {
  const page = `${base(courseId)}/submissions/${submissionId}`;
  // The review page's own URL with its gradebook view (J/K), else the bare page.
  const given = backOf(courseId, form);
  const back = given.split("?")[0] === page ? given : page;
  return act(courseId, back, async (actor) => {
    const line = formText(form, "line").trim();
    await addComment(db(), actor, { submissionId, line: line ? Number(line) : null, body: formText(form, "body") });
    return `${back}${back.includes("?") ? "&" : "?"}ok=comment${line ? `#code-L${line}` : "#comments"}`;
  });
}

export async function startRegradeAction(courseId: string, form: FormData) {
  const back = backOf(courseId, form);
  return act(courseId, back, async (actor) => {
    const submissionId = formText(form, "submissionId");
    const assignmentId = formText(form, "assignmentId");
    const exerciseId = formText(form, "exerciseId") || null;
    const r = await startRegrade(
      db(),
      actor,
      submissionId ? { submissionId } : assignmentId ? { assignmentId, exerciseId } : { exerciseId: exerciseId ?? "" },
    );
    return `${base(courseId)}/regrades/${r.id}`;
  });
}

export async function commitRegradeAction(courseId: string, regradeId: string) {
  const back = `${base(courseId)}/regrades/${regradeId}`;
  return act(courseId, back, async (actor) => {
    await commitRegrade(db(), actor, regradeId);
    return `${back}?ok=committed`;
  });
}

export async function discardRegradeAction(courseId: string, regradeId: string) {
  const back = `${base(courseId)}/regrades/${regradeId}`;
  return act(courseId, back, async (actor) => {
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
      points: Number(formText(form, `points:${id}`)),
      position: Number(formText(form, `position:${id}`) || 0),
    }))
    .sort((a, b) => a.position - b.position)
    .map(({ exerciseId, points }) => ({ exerciseId, points }));
  const date = (k: string) => fromZonedInput(formText(form, k), courseTimeZone());
  const attempts = formText(form, "attemptLimit").trim();
  return {
    titleEn: formText(form, "titleEn"),
    titleZh: formText(form, "titleZh"),
    releaseAt: date("releaseAt"),
    dueAt: date("dueAt"),
    latePenaltyPerDay: Number(formText(form, "latePenaltyPercent") || 0) / 100,
    lateDaysMax: Number(formText(form, "lateDaysMax") || 0),
    attemptLimit: attempts ? Number(attempts) : null,
    scorePolicy: formText(form, "scorePolicy") === "latest" ? "latest" : "best",
    labReference: formText(form, "labReference") === "on",
    weight: formText(form, "weight").trim() === "" ? 1 : Number(formText(form, "weight")),
    items,
  };
}

export async function saveAssignmentAction(courseId: string, assignmentId: string | null, form: FormData) {
  const back = assignmentId ? `${base(courseId)}/assignments/${assignmentId}` : `${base(courseId)}/assignments/new`;
  return act(courseId, back, async (actor) => {
    const input = assignmentFromForm(form);
    const a = assignmentId
      ? await updateAssignment(db(), actor, assignmentId, input)
      : await createAssignment(db(), actor, input);
    return `${base(courseId)}/assignments/${a.id}?ok=saved`;
  });
}

export async function extensionAction(courseId: string, assignmentId: string, form: FormData) {
  const back = `${base(courseId)}/assignments/${assignmentId}`;
  return act(courseId, back, async (actor) => {
    if (formText(form, "remove")) {
      await removeExtension(db(), actor, {
        assignmentId,
        userId: formText(form, "userId"),
        reason: formText(form, "reason"),
      });
    } else {
      const due = formText(form, "dueAt");
      await setExtension(db(), actor, {
        assignmentId,
        userId: formText(form, "userId"),
        dueAt: fromZonedInput(due, courseTimeZone()),
        reason: formText(form, "reason"),
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

/** For useActionState (instructors; anyone else gets a 404): "preview" parses and classifies; "commit" imports the good rows. */
export async function rosterAction(courseId: string, _prev: RosterState, form: FormData): Promise<RosterState> {
  const file = form.get("file");
  const csv = file instanceof File && file.size > 0 ? await file.text() : formText(form, "csv");
  return action(
    () => staffContext(courseId, { instructor: true }),
    async (actor): Promise<RosterState> => {
      if (formText(form, "intent") === "reset") return { step: "start" };
      if (formText(form, "intent") === "commit") return { step: "done", result: await commitRoster(db(), actor, csv) };
      return { step: "preview", csv, preview: await previewRoster(db(), actor, csv) };
    },
    (code) => ({ step: "error", csv, error: code }),
  );
}
