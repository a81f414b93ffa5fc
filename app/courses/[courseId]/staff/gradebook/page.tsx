// Gradebook: students × exercises, per course or per assignment; policy toggle, search, sort, filters, override markers.
import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import {
  GRADEBOOK_FILTERS,
  loadGradebook,
  type GradebookFilter,
  type GradebookQuery,
} from "@/app/_lib/staff/gradebook";
import { listAssignments } from "@/app/_lib/staff/assignments";
import { formatScore } from "@/app/_lib/staff/exportCsv";
import { Notice } from "../Notice";
import { gradebookRowsHtml } from "./rowsHtml";
import styles from "../staff.module.css";
import { localized } from "@/app/_i18n/localized";

type Search = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ courseId: string }>; searchParams: Promise<Search> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("gradebook.title") };
}

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/** The query from the URL (shared with the CSV export link). */
function queryOf(sp: Search): GradebookQuery {
  const filter = one(sp.filter);
  const policy = one(sp.policy);
  const threshold = Number(one(sp.threshold));
  return {
    assignmentId: one(sp.assignment) || null,
    policy: policy === "best" || policy === "latest" ? policy : null,
    search: one(sp.q) ?? null,
    sort: one(sp.sort) ?? null,
    dir: one(sp.dir) === "desc" ? "desc" : "asc",
    filter: GRADEBOOK_FILTERS.includes(filter as GradebookFilter) ? (filter as GradebookFilter) : null,
    threshold: Number.isFinite(threshold) && one(sp.threshold) ? threshold : null,
    page: Number(one(sp.page)) || 1,
    pageSize: 300,
  };
}

export default async function GradebookPage({ params, searchParams }: Props) {
  return page(async () => {
    const { courseId } = await params;
    const sp = await searchParams;
    const actor = await staffContext(courseId);
    const q = queryOf(sp);
    const [t, locale, book, assignments] = await Promise.all([
      getTranslations("staff"),
      getLocale(),
      loadGradebook(db(), actor, q),
      listAssignments(db(), actor),
    ]);
    const base = `/courses/${encodeURIComponent(courseId)}/staff`;
    const params_ = new URLSearchParams();
    for (const [k, v] of Object.entries(sp))
      if (typeof v === "string" && v && k !== "ok" && k !== "error") params_.set(k, v);
    const href = (changes: Record<string, string | null>) => {
      const p = new URLSearchParams(params_);
      for (const [k, v] of Object.entries(changes)) v === null ? p.delete(k) : p.set(k, v);
      return `${base}/gradebook?${p.toString()}`;
    };
    const sortHref = (key: string) =>
      href({ sort: key, dir: q.sort === key && q.dir !== "desc" ? "desc" : "asc", page: null });
    const ariaSort = (key: string) =>
      q.sort === key || (!q.sort && key === "name") ? (q.dir === "desc" ? "descending" : "ascending") : undefined;
    const csvParams = new URLSearchParams(params_);
    csvParams.delete("page");
    const pages = Math.max(1, Math.ceil(book.matchCount / book.pageSize));
    const current = assignments.find((a) => a.id === q.assignmentId);
    const title = current
      ? t("gradebook.titleAssignment", { assignment: localized(current, locale) })
      : t("gradebook.title");
    const colTitle = (c: (typeof book.columns)[number]) => localized(c, locale);

    return (
      <section aria-labelledby="gb-title">
        <h1 id="gb-title">{title}</h1>
        <Notice ok={sp.ok} error={sp.error} />
        <form method="get" className={styles.filters} aria-label={t("gradebook.filters")}>
          <label>
            {t("gradebook.assignmentScope")}
            <select name="assignment" defaultValue={q.assignmentId ?? ""}>
              <option value="">{t("gradebook.wholeCourse")}</option>
              {assignments.map((a) => (
                <option key={a.id} value={a.id}>
                  {localized(a, locale)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("gradebook.policy")}
            <select name="policy" defaultValue={q.policy ?? ""}>
              <option value="">{t("gradebook.policyDefault")}</option>
              <option value="best">{t("gradebook.best")}</option>
              <option value="latest">{t("gradebook.latest")}</option>
            </select>
          </label>
          <label>
            {t("gradebook.search")}
            <input type="search" name="q" defaultValue={q.search ?? ""} />
          </label>
          <label>
            {t("gradebook.filter")}
            <select name="filter" defaultValue={q.filter ?? ""}>
              <option value="">{t("gradebook.filterAll")}</option>
              <option value="missing">{t("gradebook.filterMissing")}</option>
              <option value="late">{t("gradebook.filterLate")}</option>
              <option value="below">{t("gradebook.filterBelow")}</option>
              <option value="errors">{t("gradebook.filterErrors")}</option>
            </select>
          </label>
          <label>
            {t("gradebook.threshold")}
            <input
              type="number"
              name="threshold"
              min={0}
              max={100}
              step={1}
              defaultValue={q.threshold ?? 60}
              style={{ width: "6rem" }}
            />
          </label>
          {q.sort ? <input type="hidden" name="sort" value={q.sort} /> : null}
          {q.dir ? <input type="hidden" name="dir" value={q.dir} /> : null}
          <button className="button button--primary" type="submit">
            {t("gradebook.apply")}
          </button>
        </form>
        <div className={styles.toolbar}>
          <p className="muted" data-testid="gb-count">
            {t("gradebook.count", { shown: book.matchCount, total: book.studentCount })} · {t("gradebook.legend")}
          </p>
          <a
            className="button"
            href={`/api/staff/courses/${encodeURIComponent(courseId)}/gradebook.csv?${csvParams.toString()}`}
            download
          >
            {t("gradebook.export")}
          </a>
        </div>
        <div className={styles.tableWrap}>
          <table className={`${styles.table} ${styles.gradebook}`} data-testid="gradebook">
            <thead>
              <tr>
                <th scope="col" aria-sort={ariaSort("name")}>
                  <Link className={styles.sortLink} href={sortHref("name")}>
                    {t("common.name")}
                  </Link>
                </th>
                <th scope="col" aria-sort={ariaSort("studentId")}>
                  <Link className={styles.sortLink} href={sortHref("studentId")}>
                    {t("common.studentId")}
                  </Link>
                </th>
                {book.columns.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    className={styles.num}
                    data-exercise={c.slug}
                    aria-sort={ariaSort(c.key)}
                    title={`${localized(c, locale, "assignmentTitle")} · ${colTitle(c)}`}
                  >
                    <Link
                      className={styles.sortLink}
                      href={sortHref(c.key)}
                      aria-label={t("gradebook.sortBy", { column: colTitle(c) })}
                    >
                      {c.slug}
                    </Link>
                    <br />
                    <span className="muted">/{formatScore(c.points)}</span>
                  </th>
                ))}
                <th scope="col" className={styles.num} aria-sort={ariaSort("total")}>
                  <Link className={styles.sortLink} href={sortHref("total")}>
                    {t("common.total")}
                  </Link>
                </th>
              </tr>
            </thead>
            <tbody
              dangerouslySetInnerHTML={{
                __html: gradebookRowsHtml(book.rows, {
                  missing: t("gradebook.missing"),
                  label: (c) =>
                    [
                      c.override ? t("gradebook.overridden", { reason: c.override.reason }) : null,
                      c.lateDays ? t("gradebook.late", { days: c.lateDays }) : null,
                      c.error ? t("gradebook.error") : null,
                      c.pending ? t("gradebook.pending") : null,
                    ]
                      .filter(Boolean)
                      .join(" · "),
                  classes: {
                    overridden: styles.overridden,
                    errorCell: styles.errorCell,
                    marks: styles.marks,
                    num: styles.num,
                    muted: "muted",
                  },
                }),
              }}
            />
          </table>
        </div>
        {book.rows.length === 0 ? <p className="muted">{t("gradebook.noRows")}</p> : null}
        {pages > 1 ? (
          <nav className={styles.toolbar} aria-label={t("gradebook.page", { page: book.page, pages })}>
            {book.page > 1 ? <Link href={href({ page: String(book.page - 1) })}>{t("gradebook.prev")}</Link> : <span />}
            <span>{t("gradebook.page", { page: book.page, pages })}</span>
            {book.page < pages ? (
              <Link href={href({ page: String(book.page + 1) })}>{t("gradebook.next")}</Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
    );
  });
}
