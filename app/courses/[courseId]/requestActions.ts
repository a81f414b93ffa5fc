"use server";
/** A student files a regrade request (on a submission) or a problem report (on an exercise). */

import { redirect } from "next/navigation";
import { db } from "@/prisma/client";
import { action } from "@/app/_lib/adapters";
import { studentContext } from "@/app/_lib/context";
import { formText } from "@/app/_lib/forms";
import { fileRequest } from "@/app/_lib/people/requests";

/** The page the form was on, accepted only inside this course (no open redirects). */
function backOf(courseId: string, form: FormData) {
  const b = formText(form, "back");
  return b.startsWith(`/courses/${encodeURIComponent(courseId)}/`) && !b.includes("//") && !/[?#]/.test(b)
    ? b
    : `/courses/${encodeURIComponent(courseId)}`;
}

export async function fileRequestAction(courseId: string, form: FormData) {
  const back = backOf(courseId, form);
  const to = await action(
    () => studentContext(courseId),
    async (ctx) => {
      const message = formText(form, "message");
      await fileRequest(
        db(),
        ctx,
        formText(form, "kind") === "problem"
          ? {
              kind: "problem",
              assignmentId: formText(form, "assignmentId"),
              exerciseId: formText(form, "exerciseId"),
              message,
            }
          : { kind: "review", submissionId: formText(form, "submissionId"), message },
      );
      return `${back}?request=sent#requests`;
    },
    (code) => `${back}?requestError=${code}#requests`,
  );
  redirect(to);
}
