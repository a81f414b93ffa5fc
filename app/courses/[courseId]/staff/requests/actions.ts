"use server";
/** Answering and closing students' requests (TAs and instructors of the course). */

import { db } from "@/prisma/client";
import { formText } from "@/app/_lib/forms";
import { answerRequest, closeRequest } from "@/app/_lib/people/requests";
import { act, base } from "../act";

const back = (courseId: string) => `${base(courseId)}/requests`;

export async function answerRequestAction(courseId: string, requestId: string, form: FormData) {
  return act(courseId, back(courseId), async (actor) => {
    const score = formText(form, "score").trim();
    await answerRequest(db(), actor, {
      requestId,
      answer: formText(form, "answer"),
      score: score === "" ? null : Number(score),
      close: formText(form, "close") === "on",
    });
    return `${back(courseId)}?ok=answered`;
  });
}

export async function closeRequestAction(courseId: string, requestId: string) {
  return act(courseId, back(courseId), async (actor) => {
    await closeRequest(db(), actor, requestId);
    return `${back(courseId)}?ok=closed`;
  });
}
