// One exercise's exercises:check report (exercises/report.ts) as the instructor reads it, in the viewer's language.
import { getTranslations } from "next-intl/server";
import { mutantsWith, mutationScore, type CheckReport } from "@/exercises/report";
import styles from "../staff.module.css";

type Props = { report: CheckReport; locale: string };

const mark = (ok: boolean) => (ok ? "✓" : "✗");
const points = (g?: { score: number; maxScore: number }) =>
  g ? `${Math.round(g.score * 100) / 100}/${g.maxScore}` : "—";

export async function CheckDetails({ report: r, locale }: Props) {
  const t = await getTranslations("staff.exercises.report");
  const m = r.mutation;
  const equivalent = m ? mutantsWith(m, "equivalent").length : 0;
  const listed = m ? m.rows.filter((x) => x.status === "survived" || x.status === "equivalent") : [];
  return (
    <details>
      <summary>
        {t("summary", {
          solution: points(r.solution),
          starter: points(r.starter),
          visible: r.visibleCases,
          hidden: r.hiddenCases,
          ms: Math.round(r.ms),
        })}
        {m ? (
          <>
            {" · "}
            <span className={m.killed === m.mutants - equivalent ? styles.ok : styles.bad} data-testid="mutation-score">
              {t("mutationScore", { score: Math.floor(mutationScore(m) * 100) })}
            </span>
          </>
        ) : null}
      </summary>
      {r.errors.length ? (
        <ul className={styles.bad}>
          {r.errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      ) : null}
      <ul>
        <li>
          {t("deterministic")} {mark(r.deterministic)}
        </li>
        <li>{t("prompts", { en: mark(r.prompts.en), zh: mark(r.prompts.zh) })}</li>
        <li>
          {t("declaration")} {r.declaration.ok ? "✓" : r.declaration.errors.join("; ")}
        </li>
        {r.misconceptions.map((x) => (
          <li key={x.id}>
            {t("misconception")} <code>{x.id}</code>: {t("seeds", { n: x.caughtSeeds })}{" "}
            {x.ownHint ? "✓" : `✗ ${x.matchedAs ?? ""}`}
          </li>
        ))}
        {r.generic ? (
          <li>
            {t("generic")}{" "}
            {(["float32", "perturbed"] as const).map((k) => {
              const g = r.generic![k];
              return g ? (
                <span key={k}>
                  {t(k)}: {t("genericSeeds", { caught: g.caughtSeeds, equivalent: g.equivalentSeeds })} ·{" "}
                </span>
              ) : null;
            })}
            {r.generic.inputWriter
              ? t("inputWriter", { failed: r.generic.inputWriter.hiddenFailed, hidden: r.generic.inputWriter.hidden })
              : null}
          </li>
        ) : null}
        {r.naiveVariants?.map((v) => (
          <li key={v.id}>
            {t("naive")} <code>{v.id}</code> ({v.what}): {t("seeds", { n: v.caughtSeeds })}{" "}
            {v.hint ? `✗ ${t("naiveHint", { hint: v.hint })}` : "✓"}
          </li>
        ))}
        {m ? (
          <li>
            {t("mutation", {
              killed: m.killed,
              live: m.mutants - equivalent,
              equivalent,
              ignored: m.ignored ?? 0,
              cases: m.cases,
            })}
            {listed.length ? (
              <ul>
                {listed.map((x, i) => (
                  <li key={i} className={x.status === "survived" ? styles.bad : undefined} data-status={x.status}>
                    {x.status === "survived" ? `✗ ${t("survives")}` : t("equivalent")}: <code>{x.at}</code> {x.mutator}{" "}
                    → <code>{x.replacement}</code>
                    {x.reason ? ` (${locale === "zh-CN" ? x.reason.zh : x.reason.en})` : ""}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ) : null}
        {r.solution?.toleranceUsed !== undefined ? (
          <li>{t("toleranceUsed", { share: r.solution.toleranceUsed.toExponential(1) })}</li>
        ) : null}
      </ul>
    </details>
  );
}
