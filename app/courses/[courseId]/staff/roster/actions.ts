"use server";
/** Roster member changes (instructors): role, section, removal, a new password-set link. */

import { db } from "@/prisma/client";
import { action } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { formText } from "@/app/_lib/forms";
import { removeMember, resendInvite, setMemberRole, setMemberSection } from "@/app/_lib/staff/members";
import { act, base } from "../act";

/** Back to the list with its filters (only this course's roster page). */
function backTo(courseId: string, form: FormData) {
  const roster = `${base(courseId)}/roster`;
  const q = formText(form, "query");
  return q.startsWith("?") && !q.includes("#") ? `${roster}${q}` : roster;
}
const withOk = (back: string, ok: string) => `${back}${back.includes("?") ? "&" : "?"}ok=${ok}#members`;

export async function setRoleAction(courseId: string, userId: string, form: FormData) {
  const back = backTo(courseId, form);
  return act(courseId, back, async (actor) => {
    await setMemberRole(db(), actor, userId, formText(form, "role"));
    return withOk(back, "role");
  });
}

export async function setSectionAction(courseId: string, userId: string, form: FormData) {
  const back = backTo(courseId, form);
  return act(courseId, back, async (actor) => {
    await setMemberSection(db(), actor, userId, formText(form, "section"));
    return withOk(back, "section");
  });
}

export async function removeMemberAction(courseId: string, userId: string, form: FormData) {
  const back = backTo(courseId, form);
  return act(courseId, back, async (actor) => {
    await removeMember(db(), actor, userId);
    return withOk(back, "removed");
  });
}

export type InviteState = { path?: string; error?: string };

/** For useActionState: the new link is shown once, never put in a URL. */
export async function resendInviteAction(courseId: string, userId: string, _prev: InviteState): Promise<InviteState> {
  return action<Awaited<ReturnType<typeof staffContext>>, InviteState>(
    () => staffContext(courseId, { instructor: true }),
    async (actor) => ({ path: await resendInvite(db(), actor, userId) }),
    (code) => ({ error: code }),
  );
}
