// Preview as student: the prompt (rendered as students see it), the signature, the starter code, and (instructors) Run and Submit.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { exercisePreview } from "@/app/_lib/staff/checks";
import { Markdown } from "@/app/_components/markdown/Markdown";
import { CodeView } from "@/app/_components/code/CodeView";
import { localized } from "@/app/_i18n/localized";
import { entryArgNames } from "@/app/_lib/student/view";
import { PreviewRunner } from "./PreviewRunner";

type Props = { params: Promise<{ courseId: string; exerciseId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("exercises.preview") };
}

export default async function ExercisePreviewPage(props: Props) {
  return page(() => exercisePreviewPage(props));
}

async function exercisePreviewPage({ params }: Props) {
  const { courseId, exerciseId } = await params;
  const actor = await staffContext(courseId);
  const [t, locale, p] = await Promise.all([
    getTranslations("staff"),
    getLocale(),
    exercisePreview(db(), actor, exerciseId),
  ]);
  return (
    <article aria-labelledby="pv-title">
      <h1 id="pv-title">{t("exercises.previewTitle", { title: localized(p.version, locale) })}</h1>
      <p className="muted">
        {p.exercise.section} · {t("exercises.version")} {p.version.version} · {p.version.points} {t("common.points")}
        {p.meta ? ` · ${t("exercises.visibleCases")}: ${p.meta.visibleCases}` : ""}
      </p>
      <div className="card">
        <Markdown source={localized(p.version, locale, "prompt")} />
      </div>
      <h2>{t("exercises.declaration")}</h2>
      <CodeView code={p.version.declaration} label={t("exercises.declaration")} />
      {actor.role === "instructor" ? (
        <PreviewRunner
          courseId={courseId}
          exerciseId={p.exercise.id}
          starter={p.version.starter}
          declaration={p.version.declaration}
          argNames={entryArgNames(p.version)}
        />
      ) : (
        <>
          <h2>{t("exercises.starter")}</h2>
          <CodeView code={p.version.starter} label={t("exercises.starter")} />
        </>
      )}
    </article>
  );
}
