// The exercise page: prompt, Monaco editor with autosaved drafts, Run, Submit with live status, and history.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireEnrollment } from "@/app/_lib/auth";
import { db } from "@/prisma/client";
import { studentExercise, assignmentPolicy } from "@/app/_lib/student/access";
import { StudentError } from "@/app/_lib/student/errors";
import { getDraft } from "@/app/_lib/student/drafts";
import { countedScore } from "@/app/_lib/student/dashboard";
import { attemptsUsed, history } from "@/app/_lib/student/submissions";
import { entryArgNames, submissionView } from "@/app/_lib/student/view";
import { closesAt, lateness } from "@/app/_lib/policy";
import { ExerciseWorkspace } from "./ExerciseWorkspace";

type Props = { params: Promise<{ courseId: string; assignmentId: string; exerciseId: string }> };

async function load(p: Awaited<Props["params"]>) {
  const { user } = await requireEnrollment(p.courseId, ["student"]);
  try {
    const ctx = await studentExercise(db(), user.id, p.courseId, p.assignmentId, p.exerciseId);
    return { user, ctx };
  } catch (e) {
    if (e instanceof StudentError && e.status === 404) notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ctx } = await load(await params);
  return { title: (await getLocale()) === "zh-CN" ? ctx.version.titleZh : ctx.version.titleEn };
}

export default async function ExercisePage({ params }: Props) {
  const p = await params;
  const { user, ctx } = await load(p);
  const ref = { userId: user.id, courseId: p.courseId, assignmentId: ctx.assignment.id, exerciseId: ctx.exercise.id };
  const [draft, subs, used, counted, locale, t] = await Promise.all([
    getDraft(db(), ref),
    history(db(), ref),
    attemptsUsed(db(), user.id, ctx.assignment.id, ctx.exercise.id),
    countedScore(db(), user.id, p.courseId, ctx.assignment.id, ctx.exercise.id),
    getLocale(),
    getTranslations("student"),
  ]);
  const latest = subs[0] ? await submissionView(db(), user.id, subs[0].id) : null;
  const policy = assignmentPolicy(ctx.assignment);
  const now = new Date();
  const late = lateness(now, ctx.dueAt, policy);
  const title = locale === "zh-CN" ? ctx.version.titleZh : ctx.version.titleEn;
  const assignmentTitle = locale === "zh-CN" ? ctx.assignment.titleZh : ctx.assignment.titleEn;
  return (
    <>
      <nav aria-label={t("nav.breadcrumb")} className="muted">
        <Link href={`/courses/${encodeURIComponent(p.courseId)}`}>{t("nav.dashboard")}</Link> › {assignmentTitle}
      </nav>
      <ExerciseWorkspace
        courseId={p.courseId}
        assignmentId={ctx.assignment.id}
        exerciseId={ctx.exercise.id}
        section={ctx.exercise.section}
        title={title}
        prompts={{ en: ctx.version.promptEn, zh: ctx.version.promptZh }}
        declaration={ctx.version.declaration}
        starter={ctx.version.starter}
        initialDraft={draft}
        initialHistory={subs}
        initialLatest={latest}
        argNames={entryArgNames(ctx.version)}
        dueAt={ctx.dueAt.toISOString()}
        closesAt={closesAt(ctx.dueAt, policy).toISOString()}
        attemptLimit={policy.attemptLimit}
        attemptsUsed={used}
        counted={counted}
        lateNow={late}
      />
    </>
  );
}
