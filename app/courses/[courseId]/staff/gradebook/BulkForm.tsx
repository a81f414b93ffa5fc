// Bulk override and (instructors) bulk extension for the students ticked in the gradebook (form="bulk"), one reason for all.
import { getTranslations } from "next-intl/server";
import { bulkAction } from "../actions";
import styles from "../staff.module.css";

interface Option {
  value: string;
  label: string;
}

export async function BulkForm({
  courseId,
  back,
  instructor,
  columns,
  assignments,
}: {
  courseId: string;
  back: string;
  instructor: boolean;
  columns: Option[];
  assignments: Option[];
}) {
  const t = await getTranslations("staff");
  return (
    <form
      id="bulk"
      action={bulkAction.bind(null, courseId)}
      className={`${styles.form} ${styles.section}`}
      aria-labelledby="bulk-title"
    >
      <h2 id="bulk-title">{t("bulk.title")}</h2>
      <p className="muted">{t("bulk.hint")}</p>
      <input type="hidden" name="back" value={back} />
      <label>
        {t("bulk.reason")}
        <textarea name="reason" rows={2} />
      </label>
      <fieldset className={styles.row}>
        <legend>{t("bulk.override")}</legend>
        <label>
          {t("common.exercise")}
          <select name="column">
            {columns.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("common.score")}
          <input name="score" type="number" min={0} step="any" style={{ maxWidth: "8rem" }} />
        </label>
        <button className="button button--primary" type="submit" name="intent" value="override">
          {t("bulk.overrideSubmit")}
        </button>
      </fieldset>
      {instructor ? (
        <fieldset className={styles.row}>
          <legend>{t("bulk.extension")}</legend>
          <label>
            {t("common.assignment")}
            <select name="assignmentId">
              {assignments.map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("bulk.dueAt")}
            <input name="dueAt" type="datetime-local" />
          </label>
          <button className="button" type="submit" name="intent" value="extension">
            {t("bulk.extensionSubmit")}
          </button>
        </fieldset>
      ) : null}
    </form>
  );
}
