// The exercise page: prompt, Monaco editor with autosaved drafts, Run, Submit with live status, and history.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { studentContext, type StudentContext } from "@/app/_lib/context";
import { localized } from "@/app/_i18n/localized";
import { studentExercise, assignmentPolicy, type StudentExercise } from "@/app/_lib/student/scope";
import { getDraft } from "@/app/_lib/student/drafts";
import { countedScore } from "@/app/_lib/student/dashboard";
import { attemptsUsed, history } from "@/app/_lib/student/submissions";
import { entryArgNames, submissionView, tryExamples } from "@/app/_lib/student/view";
import { closesAt, lateness } from "@/grader/policy";
import { ExerciseWorkspace } from "./ExerciseWorkspace";
import { StaffComments } from "@/app/_components/people/StaffComments";
import { StudentRequests } from "@/app/_components/people/StudentRequests";
import { listExerciseCommentsForStudent } from "@/app/_lib/staff/comments";
import { studentRequests } from "@/app/_lib/people/requests";
import { markRead, unreadComments } from "@/app/_lib/people/notifications";

type Props = {
  params: Promise<{ courseId: string; assignmentId: string; exerciseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(p: Awaited<Props["params"]>) {
  const student = await studentContext(p.courseId);
  return { student, ctx: await studentExercise(db(), student, p) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return page(async () => {
    const { ctx } = await load(await params);
    return { title: localized(ctx.version, await getLocale()) };
  });
}

export default async function ExercisePage({ params, searchParams }: Props) {
  return page(async () => {
    const p = await params;
    const { student, ctx } = await load(p);
    return exercisePage(p, student, ctx, await searchParams);
  });
}

async function exercisePage(
  p: Awaited<Props["params"]>,
  student: StudentContext,
  ctx: StudentExercise,
  sp: Awaited<Props["searchParams"]>,
) {
  const ref = { assignmentId: ctx.assignment.id, exerciseId: ctx.exercise.id };
  const [comments, requests] = await Promise.all([
    listExerciseCommentsForStudent(db(), student, ref),
    studentRequests(db(), student, ref),
  ]);
  const unread = await unreadComments(db(), student.userId, {
    submissionIds: [...new Set(comments.map((c) => c.submission.id))],
  });
  // Shown now with their "New" marker, so read from now on.
  if (unread.notificationIds.length) await markRead(db(), student.userId, unread.notificationIds);
  const course = `/courses/${encodeURIComponent(p.courseId)}`;
  const here = `${course}/assignments/${encodeURIComponent(ctx.assignment.id)}/exercises/${encodeURIComponent(ctx.exercise.id)}`;
  const [draft, subs, used, counted, locale, t] = await Promise.all([
    getDraft(db(), student, ref),
    history(db(), student, ref),
    attemptsUsed(db(), student.userId, ctx.assignment.id, ctx.exercise.id),
    countedScore(db(), student, ctx.assignment.id, ctx.exercise.id),
    getLocale(),
    getTranslations("student"),
  ]);
  const latest = subs[0] ? await submissionView(db(), student, subs[0].id) : null;
  const policy = assignmentPolicy(ctx.assignment);
  const now = new Date();
  const late = lateness(now, ctx.dueAt, policy);
  const title = localized(ctx.version, locale);
  const assignmentTitle = localized(ctx.assignment, locale);
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
        tryExamples={tryExamples(ctx.version)}
        dueAt={ctx.dueAt.toISOString()}
        closesAt={closesAt(ctx.dueAt, policy).toISOString()}
        attemptLimit={policy.attemptLimit}
        attemptsUsed={used}
        counted={counted}
        lateNow={late}
      />
      <StaffComments
        comments={comments}
        unread={unread.commentIds}
        submissionHref={(id) => `${course}/submissions/${encodeURIComponent(id)}`}
      />
      <StudentRequests
        courseId={p.courseId}
        back={here}
        target={{ kind: "problem", ...ref }}
        requests={requests.filter((r) => r.kind === "problem")}
        sent={sp.request === "sent"}
        error={typeof sp.requestError === "string" ? sp.requestError : null}
      />
    </>
  );
}
