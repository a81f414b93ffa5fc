"use client";
/** The roster import flow: upload or paste → preview table with problems → confirm → links. */
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { RosterState } from "../actions";
import styles from "../staff.module.css";

export function RosterImport({ action }: { action: (prev: RosterState, form: FormData) => Promise<RosterState> }) {
  const t = useTranslations("staff");
  const tp = useTranslations("people");
  const [state, dispatch, pending] = useActionState(action, { step: "start" } as RosterState);

  if (state.step === "done") {
    const n = state.result.counts.add;
    return (
      <div>
        <p className="alert alert--ok" role="status" data-testid="roster-done">
          {t("roster.done", { count: n })} {t("roster.summary", state.result.counts)}
        </p>
        <h2>{t("roster.links")}</h2>
        {state.result.links.length === 0 ? (
          <p className="muted">{t("roster.noLinks")}</p>
        ) : (
          <>
            <p>{t("roster.linksHelp")}</p>
            <div className={styles.tableWrap}>
              <table className={styles.table} data-testid="roster-links">
                <tbody>
                  {state.result.links.map((l) => (
                    <tr key={l.email}>
                      <th scope="row">{l.name}</th>
                      <td>{l.email}</td>
                      <td>
                        <code>{typeof window === "undefined" ? l.path : `${window.location.origin}${l.path}`}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        <form action={dispatch}>
          <button className="button" type="submit" name="intent" value="reset">
            {t("roster.startOver")}
          </button>
        </form>
      </div>
    );
  }

  if (state.step === "preview") {
    const good = state.preview.counts.add;
    return (
      <div>
        <p data-testid="roster-summary">{t("roster.summary", state.preview.counts)}</p>
        <div className={styles.tableWrap}>
          <table className={styles.table} data-testid="roster-preview">
            <thead>
              <tr>
                <th scope="col">{t("roster.line")}</th>
                <th scope="col">{t("common.email")}</th>
                <th scope="col">{t("common.name")}</th>
                <th scope="col">{t("common.studentId")}</th>
                <th scope="col">{t("common.role")}</th>
                <th scope="col">{tp("members.section")}</th>
                <th scope="col">{t("roster.action")}</th>
              </tr>
            </thead>
            <tbody>
              {state.preview.rows.map((r) => (
                <tr
                  key={r.line}
                  data-testid="roster-row"
                  data-action={r.action}
                  data-problems={r.problems.join(" ")}
                  className={r.action === "skip" ? styles.errorCell : undefined}
                >
                  <td>{r.line}</td>
                  <td>{r.email}</td>
                  <td>{r.name}</td>
                  <td>{r.studentId ?? ""}</td>
                  <td>{r.role}</td>
                  <td>{r.section ?? ""}</td>
                  <td>
                    {t(`roster.${r.action}`)}
                    {r.problems.length ? `: ${r.problems.map((p) => t(`roster.problem.${p}`)).join(", ")}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <form action={dispatch} className={styles.toolbar}>
          <input type="hidden" name="csv" value={state.csv} />
          <button
            className="button button--primary"
            type="submit"
            name="intent"
            value="commit"
            disabled={pending || good === 0}
            data-testid="roster-commit"
          >
            {t("roster.commit", { count: good })}
          </button>
          <button className="button button--quiet" type="submit" name="intent" value="reset" formNoValidate>
            {t("roster.startOver")}
          </button>
        </form>
      </div>
    );
  }

  return (
    <form action={dispatch} className={styles.form}>
      {state.step === "error" ? (
        <p className="alert alert--error" role="alert">
          {t(`errors.${state.error}`)}
        </p>
      ) : null}
      <label>
        {t("roster.file")}
        <input type="file" name="file" accept=".csv,text/csv" />
      </label>
      <label>
        {t("roster.orPaste")}
        <textarea
          name="csv"
          rows={8}
          defaultValue={state.step === "error" ? state.csv : ""}
          spellCheck={false}
          style={{ fontFamily: "var(--font-mono)" }}
        />
      </label>
      <button
        className="button button--primary"
        type="submit"
        name="intent"
        value="preview"
        disabled={pending}
        data-testid="roster-preview-button"
      >
        {t("roster.preview")}
      </button>
    </form>
  );
}
