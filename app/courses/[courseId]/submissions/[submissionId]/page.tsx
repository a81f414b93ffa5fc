// One of the student's own submissions: code (read-only), status, score and case results. Anyone else gets 404.
import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { studentContext, type StudentContext } from "@/app/_lib/context";
import { submissionView } from "@/app/_lib/student/view";
import type { SubmissionView } from "@/app/_lib/student/types";
import { CodeView } from "@/app/_components/code/CodeView";
import { CourseTime } from "@/app/_components/CourseTime";
import { CaseResults } from "@/app/_components/results/CaseResults";
import { ResultSummary } from "@/app/_components/results/ResultSummary";
import { listCommentsForStudent } from "@/app/_lib/staff/comments";
import { countedScore } from "@/app/_lib/student/dashboard";
import { CountedScore } from "@/app/_components/results/CountedScore";
import { StaffComments } from "@/app/_components/people/StaffComments";
import { StudentRequests } from "@/app/_components/people/StudentRequests";
import { studentRequests } from "@/app/_lib/people/requests";
import { markRead, unreadComments } from "@/app/_lib/people/notifications";

type Props = {
  params: Promise<{ courseId: string; submissionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(courseId: string, submissionId: string) {
  const ctx = await studentContext(courseId);
  return { ctx, s: await submissionView(db(), ctx, submissionId) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return page(async () => {
    const { courseId, submissionId } = await params;
    await load(courseId, submissionId);
    return { title: (await getTranslations("student.submission"))("title") };
  });
}

export default async function SubmissionPage({ params, searchParams }: Props) {
  return page(async () => {
    const { courseId, submissionId } = await params;
    const { ctx, s } = await load(courseId, submissionId);
    return submissionPage(ctx, s, await searchParams);
  });
}

async function submissionPage(ctx: StudentContext, s: SubmissionView, sp: Awaited<Props["searchParams"]>) {
  const courseId = ctx.courseId;
  const [t, comments, counted, requests, unread] = await Promise.all([
    getTranslations("student.submission"),
    listCommentsForStudent(db(), ctx, s.id),
    countedScore(db(), ctx, s.assignmentId, s.exerciseId),
    studentRequests(db(), ctx, { submissionId: s.id }),
    unreadComments(db(), ctx.userId, { submissionIds: [s.id] }),
  ]);
  // Shown now with their "New" marker, so read from now on.
  if (unread.notificationIds.length) await markRead(db(), ctx.userId, unread.notificationIds);
  const here = `/courses/${encodeURIComponent(courseId)}/submissions/${encodeURIComponent(s.id)}`;
  // Staff comments: line comments under their line, the rest listed below the code.
  const byLine: Record<number, React.ReactNode> = {};
  for (const c of comments) {
    if (c.line === null) continue;
    byLine[c.line] = (
      <>
        {byLine[c.line]}
        <span
          data-testid="line-comment"
          style={{
            display: "block",
            whiteSpace: "pre-wrap",
            fontFamily: "var(--font-sans)",
            borderLeft: "3px solid var(--accent)",
            paddingLeft: "var(--space-2)",
          }}
        >
          <strong>{c.author.name}:</strong> {c.body}
        </span>
      </>
    );
  }
  const exerciseHref = `/courses/${encodeURIComponent(courseId)}/assignments/${encodeURIComponent(s.assignmentId)}/exercises/${encodeURIComponent(s.exerciseSlug)}`;
  return (
    <section aria-labelledby="submission-title" data-testid="submission-page">
      <p className="muted">
        <Link href={exerciseHref}>{t("backToExercise")}</Link>
      </p>
      <h1 id="submission-title">{t("title")}</h1>
      <p className="muted">
        {t("submittedAt")} <CourseTime value={s.submittedAt} style="medium" />
        {" · "}
        {t(`kind.${s.kind}`)}
      </p>
      <ResultSummary submission={s} />
      {counted ? (
        <p>
          <CountedScore counted={counted} />
        </p>
      ) : null}
      <h2>{t("code")}</h2>
      <CodeView
        code={s.code}
        label={t("code")}
        idPrefix="code"
        highlightLines={s.result?.compileError?.line ? [s.result.compileError.line] : []}
        lineExtras={byLine}
      />
      <StaffComments comments={comments} unread={unread.commentIds} />
      {s.result ? (
        <>
          <h2>{t("cases")}</h2>
          <CaseResults cases={s.result.cases} />
        </>
      ) : null}
      {s.kind === "submit" && (s.status === "graded" || requests.length) ? (
        <StudentRequests
          courseId={courseId}
          back={here}
          target={s.status === "graded" ? { kind: "review", submissionId: s.id } : null}
          requests={requests}
          sent={sp.request === "sent"}
          error={typeof sp.requestError === "string" ? sp.requestError : null}
        />
      ) : null}
    </section>
  );
}
