// Regrade preview: old → new per submission; commit makes the new results current, discard drops them.
import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { regradePreview } from "@/app/_lib/staff/regrade";
import { formatScore } from "@/app/_lib/staff/exportCsv";
import { commitRegradeAction, discardRegradeAction } from "../../actions";
import { AutoRefresh } from "../../AutoRefresh";
import { Notice } from "../../Notice";
import styles from "../../staff.module.css";

type Props = {
  params: Promise<{ courseId: string; regradeId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("regrades.preview") };
}

export default async function RegradePage({ params, searchParams }: Props) {
  return page(async () => {
    const { courseId, regradeId } = await params;
    const sp = await searchParams;
    const actor = await staffContext(courseId);
    const [t, p] = await Promise.all([getTranslations("staff"), regradePreview(db(), actor, regradeId)]);
    const base = `/courses/${encodeURIComponent(courseId)}/staff`;
    const status = p.regrade.status as "running" | "ready" | "committed" | "discarded";
    return (
      <section aria-labelledby="rp-title">
        <h1 id="rp-title">{t("regrades.preview")}</h1>
        <Notice ok={sp.ok} error={sp.error} />
        <p>
          {t("common.status")}: <strong data-testid="regrade-status">{t(`regrades.status.${status}`)}</strong> ·{" "}
          <span data-testid="regrade-counts">
            {t("regrades.counts", { changed: p.counts.changed, total: p.counts.total })}
          </span>
        </p>
        {status === "running" ? (
          <p role="status">
            {t("regrades.running", { pending: p.counts.pending, total: p.counts.total })}{" "}
            <Link href={`${base}/regrades/${regradeId}`}>{t("regrades.refresh")}</Link>
            <AutoRefresh />
          </p>
        ) : null}
        {status === "ready" ? (
          <div className={styles.toolbar}>
            <form action={commitRegradeAction.bind(null, courseId, regradeId)}>
              <button className="button button--primary" type="submit" data-testid="regrade-commit">
                {t("regrades.commit")}
              </button>
            </form>
            <form action={discardRegradeAction.bind(null, courseId, regradeId)}>
              <button className="button button--quiet" type="submit">
                {t("regrades.discard")}
              </button>
            </form>
          </div>
        ) : null}
        <div className={styles.tableWrap}>
          <table className={styles.table} data-testid="regrade-table">
            <thead>
              <tr>
                <th scope="col">{t("common.student")}</th>
                <th scope="col">{t("common.exercise")}</th>
                <th scope="col">{t("common.status")}</th>
                <th scope="col" className={styles.num}>
                  {t("regrades.old")}
                </th>
                <th scope="col" className={styles.num}>
                  {t("regrades.new")}
                </th>
                <th scope="col">{t("regrades.changed")}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr key={r.itemId} data-testid="regrade-row" data-changed={r.changed ? "1" : "0"}>
                  <th scope="row">
                    <Link href={`${base}/submissions/${r.submissionId}`}>{r.student.name}</Link>
                  </th>
                  <td>{r.exerciseSlug}</td>
                  <td>
                    {t(`regrades.status.${r.status as "done"}`)}
                    {r.error ? <span className="muted"> ({r.error})</span> : null}
                  </td>
                  <td className={styles.num}>{formatScore(r.oldScore)}</td>
                  <td className={styles.num}>
                    {r.changed ? <strong>{formatScore(r.newScore)}</strong> : formatScore(r.newScore)}
                  </td>
                  <td>
                    {r.changed
                      ? `${formatScore(r.oldScore) || "—"} → ${formatScore(r.newScore)}`
                      : r.newScore === null
                        ? ""
                        : t("regrades.unchanged")}
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
