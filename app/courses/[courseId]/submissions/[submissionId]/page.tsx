// One of the student's own submissions: code (read-only), status, score and case results. Anyone else gets 404.
import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireEnrollment } from "@/app/_lib/auth";
import { db } from "@/prisma/client";
import { StudentError } from "@/app/_lib/student/errors";
import { submissionView } from "@/app/_lib/student/view";
import { CodeView } from "@/app/_components/code/CodeView";
import { CaseResults } from "@/app/_components/results/CaseResults";
import { ResultSummary } from "@/app/_components/results/ResultSummary";

type Props = { params: Promise<{ courseId: string; submissionId: string }> };

async function load(courseId: string, submissionId: string) {
  const { user, access } = await requireEnrollment(courseId, ["student"]);
  try {
    const s = await submissionView(db(), user.id, submissionId);
    if (s.courseId !== access.course.id) notFound();
    return s;
  } catch (e) {
    if (e instanceof StudentError && e.status === 404) notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { courseId, submissionId } = await params;
  await load(courseId, submissionId);
  return { title: (await getTranslations("student.submission"))("title") };
}

export default async function SubmissionPage({ params }: Props) {
  const { courseId, submissionId } = await params;
  const s = await load(courseId, submissionId);
  const [t, format] = await Promise.all([getTranslations("student.submission"), getFormatter()]);
  const exerciseHref = `/courses/${encodeURIComponent(courseId)}/assignments/${encodeURIComponent(s.assignmentId)}/exercises/${encodeURIComponent(s.exerciseSlug)}`;
  return (
    <section aria-labelledby="submission-title" data-testid="submission-page">
      <p className="muted">
        <Link href={exerciseHref}>{t("backToExercise")}</Link>
      </p>
      <h1 id="submission-title">{t("title")}</h1>
      <p className="muted">
        {t("submittedAt")} <time dateTime={s.submittedAt}>{format.dateTime(new Date(s.submittedAt), { dateStyle: "medium", timeStyle: "medium" })}</time>
        {" · "}
        {t(`kind.${s.kind === "run" ? "run" : "submit"}`)}
      </p>
      <ResultSummary submission={s} />
      <h2>{t("code")}</h2>
      <CodeView code={s.code} label={t("code")} idPrefix="code" highlightLines={s.result?.compileError?.line ? [s.result.compileError.line] : []} />
      {s.result ? (
        <>
          <h2>{t("cases")}</h2>
          <CaseResults cases={s.result.cases} />
        </>
      ) : null}
    </section>
  );
}
