// The assignment editor form (server-rendered; saved by saveAssignmentAction). Dates use datetime-local in the course's time zone.
import { getLocale, getTranslations } from "next-intl/server";
import type { AssignmentValues, listExercises } from "@/app/_lib/staff/assignments";
import { courseTimeZone, toZonedInput } from "@/app/_lib/dates";
import styles from "../staff.module.css";
import { localized } from "@/app/_i18n/localized";

export type AssignmentFormValues = AssignmentValues;

/** datetime-local value on the course's wall clock ("2026-12-01T08:00"); the form names the zone. */
const local = (d: Date) => toZonedInput(d, courseTimeZone());

export async function AssignmentForm({
  action,
  values,
  exercises,
  courseId,
}: {
  action: (form: FormData) => Promise<void>;
  values: AssignmentFormValues;
  exercises: Awaited<ReturnType<typeof listExercises>>;
  courseId: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("staff"), getLocale()]);
  const chosen = new Map(values.items.map((it, i) => [it.exerciseId, { ...it, position: i + 1 }]));
  return (
    <form action={action} className={styles.form} data-testid="assignment-form">
      <fieldset style={{ border: 0, padding: 0, display: "grid", gap: "var(--space-3)" }}>
        <div className={styles.row}>
          <label>
            {t("assignments.titleEn")}
            <input name="titleEn" required defaultValue={values.titleEn} />
          </label>
          <label>
            {t("assignments.titleZh")}
            <input name="titleZh" required defaultValue={values.titleZh} lang="zh-CN" />
          </label>
        </div>
        <div className={styles.row}>
          <label>
            {t("assignments.releaseAt")} ({courseTimeZone()})
            <input type="datetime-local" name="releaseAt" required defaultValue={local(values.releaseAt)} />
          </label>
          <label>
            {t("assignments.dueAt")} ({courseTimeZone()})
            <input type="datetime-local" name="dueAt" required defaultValue={local(values.dueAt)} />
          </label>
        </div>
        <div className={styles.row}>
          <label>
            {t("assignments.latePenalty")}
            <input
              type="number"
              name="latePenaltyPercent"
              min={0}
              max={100}
              step="any"
              defaultValue={Math.round(values.latePenaltyPerDay * 1000) / 10}
            />
          </label>
          <label>
            {t("assignments.lateDaysMax")}
            <input type="number" name="lateDaysMax" min={0} max={365} step={1} defaultValue={values.lateDaysMax} />
          </label>
        </div>
        <p className="muted">{t("assignments.lateHelp")}</p>
        <div className={styles.row}>
          <label>
            {t("assignments.attemptLimit")}
            <input type="number" name="attemptLimit" min={1} step={1} defaultValue={values.attemptLimit ?? ""} />
          </label>
          <label>
            {t("assignments.scorePolicy")}
            <select name="scorePolicy" defaultValue={values.scorePolicy}>
              <option value="best">{t("gradebook.best")}</option>
              <option value="latest">{t("gradebook.latest")}</option>
            </select>
          </label>
          <label>
            {t("assignments.weight")}
            <input type="number" name="weight" min={0} max={100} step="any" defaultValue={values.weight ?? 1} />
          </label>
        </div>
        <label>
          <input type="checkbox" name="labReference" defaultChecked={values.labReference ?? false} />{" "}
          {t("assignments.labReference")}
        </label>
        <fieldset>
          <legend>{t("assignments.exercises")}</legend>
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t("assignments.include")}</th>
                  <th scope="col">{t("common.exercise")}</th>
                  <th scope="col">{t("common.points")}</th>
                  <th scope="col">{t("assignments.position")}</th>
                  <th scope="col">{t("assignments.preview")}</th>
                </tr>
              </thead>
              <tbody>
                {exercises.map((ex, i) => {
                  const c = chosen.get(ex.id);
                  const title = ex.current ? localized(ex.current, locale) : ex.slug;
                  return (
                    <tr key={ex.id}>
                      <td>
                        <input type="hidden" name="exerciseId" value={ex.id} />
                        <input type="checkbox" name={`include:${ex.id}`} id={`inc-${ex.id}`} defaultChecked={!!c} />
                      </td>
                      <th scope="row">
                        <label htmlFor={`inc-${ex.id}`}>
                          {ex.section} · {title}
                        </label>
                      </th>
                      <td>
                        <input
                          type="number"
                          name={`points:${ex.id}`}
                          aria-label={`${t("common.points")} ${title}`}
                          min={0}
                          step="any"
                          defaultValue={c?.points ?? ex.current?.points ?? 10}
                          style={{ width: "5rem" }}
                        />
                      </td>
                      <td>
                        <input
                          type="number"
                          name={`position:${ex.id}`}
                          aria-label={`${t("assignments.position")} ${title}`}
                          min={1}
                          step={1}
                          defaultValue={c?.position ?? values.items.length + i + 1}
                          style={{ width: "4rem" }}
                        />
                      </td>
                      <td>
                        <a href={`/courses/${encodeURIComponent(courseId)}/staff/exercises/${ex.id}`}>
                          {t("assignments.preview")}
                        </a>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </fieldset>
        <button className="button button--primary" type="submit">
          {t("assignments.save")}
        </button>
      </fieldset>
    </form>
  );
}
