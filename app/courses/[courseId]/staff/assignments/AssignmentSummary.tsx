// An assignment's settings as text, for TAs (who may not edit it: they never see the editor's form).
import { getLocale, getTranslations } from "next-intl/server";
import type { AssignmentValues, listExercises } from "@/app/_lib/staff/assignments";
import { formatScore } from "@/app/_lib/staff/exportCsv";
import { CourseTime } from "@/app/_components/CourseTime";
import { localized } from "@/app/_i18n/localized";
import styles from "../staff.module.css";

export async function AssignmentSummary({
  assignment: a,
  exercises,
}: {
  assignment: AssignmentValues;
  exercises: Awaited<ReturnType<typeof listExercises>>;
}) {
  const [t, locale] = await Promise.all([getTranslations("staff"), getLocale()]);
  const byId = new Map(exercises.map((e) => [e.id, e]));
  const rows: [string, React.ReactNode][] = [
    [t("assignments.titleEn"), a.titleEn],
    [t("assignments.titleZh"), a.titleZh],
    [t("assignments.releaseAt"), <CourseTime key="r" value={a.releaseAt} />],
    [t("assignments.dueAt"), <CourseTime key="d" value={a.dueAt} />],
    [t("assignments.latePenalty"), `${formatScore(a.latePenaltyPerDay * 100)} %`],
    [t("assignments.lateDaysMax"), a.lateDaysMax],
    [t("assignments.attemptLimit"), a.attemptLimit ?? "∞"],
    [t("assignments.scorePolicy"), t(a.scorePolicy === "latest" ? "gradebook.latest" : "gradebook.best")],
    [t("assignments.weight"), formatScore(a.weight ?? 1)],
  ];
  return (
    <section aria-label={t("assignments.settings")} data-testid="assignment-summary">
      <dl className={styles.row}>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt className="muted">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h2>{t("assignments.exercises")}</h2>
      <ol>
        {a.items.map((it) => {
          const ex = byId.get(it.exerciseId);
          return (
            <li key={it.exerciseId}>
              {ex ? `${ex.section} · ${ex.current ? localized(ex.current, locale) : ex.slug}` : it.exerciseId} —{" "}
              {formatScore(it.points)} {t("common.points")}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
