/**
 * The shape of every staff form action: the caller's staff context, the work, then a redirect
 * back with ?error=<code> on a refusal or to the path the work returns on success.
 */

import "server-only";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { action, type FormErrorCode } from "@/app/_lib/adapters";
import { staffContext, type StaffContext } from "@/app/_lib/context";
import { formText } from "@/app/_lib/forms";

export const base = (courseId: string) => `/courses/${encodeURIComponent(courseId)}/staff`;
/** A form's "back" path, accepted only inside this course's staff area (no open redirects). */
export const backOf = (courseId: string, form: FormData) => {
  const b = formText(form, "back");
  return b.startsWith(`${base(courseId)}/`) && !b.includes("//") ? b : base(courseId);
};

/** Runs a staff action in the course; refusals redirect back with ?error=code, success to the path `fn` returns. */
export async function act(
  courseId: string,
  back: string,
  fn: (actor: StaffContext) => Promise<string>,
): Promise<never> {
  const to = await action(
    () => staffContext(courseId),
    fn,
    (code: FormErrorCode) => redirect(`${back}${back.includes("?") ? "&" : "?"}error=${code}`),
  );
  revalidatePath(back.split("?")[0]);
  redirect(to);
}
