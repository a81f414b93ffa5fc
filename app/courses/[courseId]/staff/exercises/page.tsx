// Exercise checks (instructors): the exercises:check report per exercise's current version.
import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { listExerciseChecks } from "@/app/_lib/staff/checks";
import styles from "../staff.module.css";
import { localized } from "@/app/_i18n/localized";
import { courseTimeZone } from "@/app/_lib/dates";
import { mutantsWith, mutationScore } from "@/exercises/report";

type Props = { params: Promise<{ courseId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("exercises.title") };
}

export default async function ExercisesPage({ params }: Props) {
  return page(async () => {
    const { courseId } = await params;
    const actor = await staffContext(courseId, { instructor: true });
    const [t, locale, format, rows] = await Promise.all([
      getTranslations("staff"),
      getLocale(),
      getFormatter(),
      listExerciseChecks(db(), actor),
    ]);
    const base = `/courses/${encodeURIComponent(courseId)}/staff`;
    return (
      <section aria-labelledby="ex-title">
        <h1 id="ex-title">{t("exercises.title")}</h1>
        <p className="muted">{t("exercises.help")}</p>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t("common.exercise")}</th>
                <th scope="col">{t("exercises.version")}</th>
                <th scope="col">{t("exercises.check")}</th>
                <th scope="col">{t("exercises.details")}</th>
                <th scope="col">{t("exercises.preview")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="exercise-row">
                  <th scope="row">
                    {r.section} · {localized(r, locale)}
                    <br />
                    <code className="muted">{r.slug}</code>
                  </th>
                  <td>{r.version ?? "—"}</td>
                  <td>
                    {r.loadError ? (
                      <p className="alert alert--error" data-testid="exercise-load-error">
                        {t("exercises.loadError", {
                          time: format.dateTime(r.loadError.at, {
                            dateStyle: "medium",
                            timeStyle: "short",
                            timeZone: courseTimeZone(),
                          }),
                        })}{" "}
                        <code>{r.loadError.message}</code>
                      </p>
                    ) : null}
                    {r.report === null ? (
                      <span className="muted">{t("exercises.notChecked")}</span>
                    ) : r.report.ok ? (
                      <strong className={styles.ok}>✓ {t("exercises.ok")}</strong>
                    ) : (
                      <strong className={styles.bad}>✗ {t("exercises.failed")}</strong>
                    )}
                  </td>
                  <td style={{ whiteSpace: "normal", minWidth: "18rem" }}>
                    {r.report ? (
                      <details>
                        <summary>
                          solution{" "}
                          {r.report.solution ? `${r.report.solution.score}/${r.report.solution.maxScore}` : "—"} ·
                          starter {r.report.starter ? `${r.report.starter.score}/${r.report.starter.maxScore}` : "—"} ·{" "}
                          {r.report.visibleCases}+{r.report.hiddenCases} cases · {Math.round(r.report.ms)} ms
                        </summary>
                        {r.report.errors.length ? (
                          <ul className={styles.bad}>
                            {r.report.errors.map((e, i) => (
                              <li key={i}>{e}</li>
                            ))}
                          </ul>
                        ) : null}
                        <ul>
                          <li>deterministic: {r.report.deterministic ? "✓" : "✗"}</li>
                          <li>
                            prompts: en {r.report.prompts.en ? "✓" : "✗"} · zh {r.report.prompts.zh ? "✓" : "✗"}
                          </li>
                          <li>declaration: {r.report.declaration.ok ? "✓" : r.report.declaration.errors.join("; ")}</li>
                          {r.report.misconceptions.map((m) => (
                            <li key={m.id}>
                              <code>{m.id}</code>: {m.caughtSeeds} seeds {m.ownHint ? "✓" : `✗ ${m.matchedAs ?? ""}`}
                            </li>
                          ))}
                          {r.report.generic ? (
                            <li>
                              generic mutants:{" "}
                              {(["float32", "perturbed"] as const).map((k) => {
                                const g = r.report!.generic![k];
                                return g ? (
                                  <span key={k}>
                                    {k} {g.caughtSeeds} caught, {g.equivalentSeeds} equivalent ·{" "}
                                  </span>
                                ) : null;
                              })}
                              {r.report.generic.inputWriter
                                ? `input writer fails ${r.report.generic.inputWriter.hiddenFailed}/${r.report.generic.inputWriter.hidden} hidden cases`
                                : null}
                            </li>
                          ) : null}
                          {r.report.naiveVariants?.map((v) => (
                            <li key={v.id}>
                              naive <code>{v.id}</code> ({v.what}): {v.caughtSeeds} seeds{" "}
                              {v.hint ? `✗ hint ${v.hint}` : "✓"}
                            </li>
                          ))}
                          {r.report.mutation ? (
                            <li>
                              reference mutants killed: {r.report.mutation.killed}/
                              {r.report.mutation.mutants - mutantsWith(r.report.mutation, "equivalent").length} (
                              {Math.floor(mutationScore(r.report.mutation) * 100)} %)
                              <ul>
                                {r.report.mutation.rows
                                  .filter((m) => m.status === "survived" || m.status === "equivalent")
                                  .map((m, i) => (
                                    <li key={i}>
                                      {m.status === "survived" ? "✗ survives" : "equivalent"}: <code>{m.at}</code>{" "}
                                      {m.mutator} → <code>{m.replacement}</code>
                                      {m.reason ? ` (${locale === "zh-CN" ? m.reason.zh : m.reason.en})` : ""}
                                    </li>
                                  ))}
                              </ul>
                            </li>
                          ) : null}
                          {r.report.solution?.toleranceUsed !== undefined ? (
                            <li>solution uses {r.report.solution.toleranceUsed.toExponential(1)} of its tolerance</li>
                          ) : null}
                        </ul>
                      </details>
                    ) : null}
                  </td>
                  <td>
                    <Link href={`${base}/exercises/${r.id}`}>{t("exercises.preview")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    );
  });
}
