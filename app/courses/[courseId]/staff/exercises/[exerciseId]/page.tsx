// Preview as student: the prompt (rendered as students see it), the signature and the starter code.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { exercisePreview } from "@/app/_lib/staff/checks";
import { Markdown } from "@/app/_components/markdown/Markdown";
import { CodeView } from "@/app/_components/code/CodeView";
import { localized } from "@/app/_i18n/localized";

type Props = { params: Promise<{ courseId: string; exerciseId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("exercises.preview") };
}

export default async function ExercisePreviewPage({ params }: Props) {
  return page(async () => {
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
        <h2>{t("exercises.starter")}</h2>
        <CodeView code={p.version.starter} label={t("exercises.starter")} />
      </article>
    );
  });
}
