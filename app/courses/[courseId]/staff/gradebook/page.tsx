// Gradebook: students × exercises grouped by assignment, with subtotals, weighted total, policy toggle,
// live search and filters, sort, override markers, bulk override / extension, CSV and zip downloads.
import { SectionSelect } from "../SectionSelect";
import { listSections } from "@/app/_lib/staff/members";
import Link from "next/link";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { gradebookParams, gradebookQueryFrom, loadGradebook } from "@/app/_lib/staff/gradebook";
import { listAssignments } from "@/app/_lib/staff/assignments";
import { formatScore } from "@/app/_lib/staff/exportCsv";
import { Notice } from "../Notice";
import { gradebookRowsHtml } from "./rowsHtml";
import { GradebookRows } from "./GradebookRows";
import { handOffRows, isDocumentRequest } from "./rowsHandoff";
import { LiveFilters } from "./LiveFilters";
import { SelectAll } from "./SelectAll";
import { BulkForm } from "./BulkForm";
import { ScoreCells } from "./ScoreCells";
import styles from "../staff.module.css";
import { localized } from "@/app/_i18n/localized";

type Search = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ courseId: string }>; searchParams: Promise<Search> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("gradebook.title") };
}

/** The page's URL parameters as URLSearchParams (single values only). */
function urlParams(sp: Search): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) if (typeof v === "string" && v) p.set(k, v);
  return p;
}

export default async function GradebookPage(props: Props) {
  return page(() => gradebookPage(props));
}

async function gradebookPage({ params, searchParams }: Props) {
  const { courseId } = await params;
  const sp = await searchParams;
  const actor = await staffContext(courseId);
  const all = urlParams(sp);
  const view = gradebookParams(all);
  const q = { ...gradebookQueryFrom(all), page: Number(all.get("page")) || 1, pageSize: 300 };
  const [t, locale, book, assignments, sections, requestHeaders] = await Promise.all([
    getTranslations("staff"),
    getLocale(),
    loadGradebook(db(), actor, q),
    listAssignments(db(), actor),
    listSections(db(), actor),
    headers(),
  ]);
  const base = `/courses/${encodeURIComponent(courseId)}/staff`;
  const href = (changes: Record<string, string | null>) => {
    const p = new URLSearchParams(view);
    if (all.get("page")) p.set("page", all.get("page")!);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) p.delete(k);
      else p.set(k, v);
    }
    return `${base}/gradebook?${p.toString()}`;
  };
  // Sort and page links are this page in another order: prefetching ~30 of them on every load costs the server and
  // the browser and saves nothing, so every Link below has prefetch={false}.
  const sortHref = (key: string) =>
    href({ sort: key, dir: q.sort === key && q.dir !== "desc" ? "desc" : "asc", page: null });
  const ariaSort = (key: string) =>
    q.sort === key || (!q.sort && key === "name") ? (q.dir === "desc" ? "descending" : "ascending") : undefined;
  const pages = Math.max(1, Math.ceil(book.matchCount / book.pageSize));
  const current = assignments.find((a) => a.id === q.assignmentId);
  const title = current
    ? t("gradebook.titleAssignment", { assignment: localized(current, locale) })
    : t("gradebook.title");
  const colTitle = (c: (typeof book.columns)[number]) => localized(c, locale);
  const grouped = book.groups.length > 1;
  const back = href({});
  const rowsHtml = gradebookRowsHtml(book.rows, {
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
      subtotal: styles.subtotal,
      flagged: styles.flagged,
      idCell: styles.gbId,
      percentCell: styles.gbPercent,
      totalCell: styles.gbTotal,
    },
    groups: book.groups,
    selectLabel: (name) => t("gradebook.select", { name }),
  });

  return (
    <section aria-labelledby="gb-title">
      {/* The browser paints nothing until the bulk form after the table is parsed: painting the table while its rows
          stream in lays all of it out again on every frame (7 layouts of a growing auto-layout table). React puts the
          link in the <head>. */}
      <link rel="expect" href="#bulk" blocking="render" />
      <h1 id="gb-title">{title}</h1>
      <Notice ok={sp.ok} error={sp.error} />
      <LiveFilters className={styles.filters} label={t("gradebook.filters")}>
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
        {sections.length ? (
          <SectionSelect
            label={t("gradebook.section")}
            allLabel={t("gradebook.allSections")}
            sections={sections}
            value={q.section ?? null}
          />
        ) : null}
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
          <input type="search" name="q" defaultValue={q.search ?? ""} data-testid="gb-search" />
        </label>
        <label>
          {t("gradebook.filter")}
          <select name="filter" defaultValue={q.filter ?? ""}>
            <option value="">{t("gradebook.filterAll")}</option>
            <option value="missing">{t("gradebook.filterMissing")}</option>
            <option value="late">{t("gradebook.filterLate")}</option>
            <option value="below">{t("gradebook.filterBelow")}</option>
            <option value="errors">{t("gradebook.filterErrors")}</option>
            <option value="pending">{t("gradebook.filterPending")}</option>
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
        <noscript>
          <button className="button button--primary" type="submit">
            {t("gradebook.apply")}
          </button>
        </noscript>
      </LiveFilters>
      <div className={styles.toolbar}>
        <p className="muted" data-testid="gb-count" aria-live="polite">
          {t("gradebook.count", { shown: book.matchCount, total: book.studentCount })} · {t("gradebook.legend")}
        </p>
        <p className={styles.row}>
          <a
            className="button"
            href={`/api/staff/courses/${encodeURIComponent(courseId)}/gradebook.csv?${view.toString()}`}
            download
          >
            {t("gradebook.export")}
          </a>
          {current ? (
            <>
              <a
                className="button"
                data-testid="zip-best"
                href={`/api/staff/courses/${encodeURIComponent(courseId)}/assignments/${encodeURIComponent(current.id)}/submissions.zip?pick=best`}
                download
              >
                {t("gradebook.zipBest")}
              </a>
              <a
                className="button"
                href={`/api/staff/courses/${encodeURIComponent(courseId)}/assignments/${encodeURIComponent(current.id)}/submissions.zip?pick=latest`}
                download
              >
                {t("gradebook.zipLatest")}
              </a>
            </>
          ) : null}
        </p>
      </div>
      <p className="muted" id="gb-keys">
        {t("gradebook.keys")}
      </p>
      <div className={`${styles.tableWrap} ${styles.gradebookWrap}`}>
        <ScoreCells targetId="gradebook" query={view.toString()} page={book.page} />
        <table
          className={`${styles.table} ${styles.gradebook}`}
          data-testid="gradebook"
          id="gradebook"
          role="grid"
          aria-describedby="gb-keys"
        >
          <thead>
            <tr>
              <th scope="col" rowSpan={2} aria-sort={ariaSort("name")} className={styles.gbName}>
                <SelectAll label={t("gradebook.selectAll")} />{" "}
                <Link prefetch={false} className={styles.sortLink} href={sortHref("name")}>
                  {t("common.name")}
                </Link>
              </th>
              <th scope="col" rowSpan={2} aria-sort={ariaSort("studentId")} className={styles.gbId}>
                <Link prefetch={false} className={styles.sortLink} href={sortHref("studentId")}>
                  {t("common.studentId")}
                </Link>
              </th>
              {book.groups.map((g) => (
                <th
                  key={g.assignmentId}
                  scope="colgroup"
                  colSpan={g.count + (grouped ? 1 : 0)}
                  className={styles.gbGroup}
                  data-testid="gb-group"
                >
                  {localized(g, locale)}
                  {g.weight !== 1 ? <span className="muted"> ×{formatScore(g.weight)}</span> : null}
                </th>
              ))}
              <th scope="col" rowSpan={2} className={`${styles.num} ${styles.gbPercent}`}>
                %
              </th>
              <th scope="col" rowSpan={2} className={`${styles.num} ${styles.gbTotal}`} aria-sort={ariaSort("total")}>
                <Link prefetch={false} className={styles.sortLink} href={sortHref("total")}>
                  {t("common.total")}
                </Link>
                <br />
                <span className="muted" data-testid="gb-max">
                  /{formatScore(book.max)}
                </span>
              </th>
            </tr>
            <tr>
              {book.groups.map((g) => [
                ...book.columns.slice(g.first, g.first + g.count).map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    className={`${styles.num} ${styles.gbExercise}`}
                    data-exercise={c.slug}
                    aria-sort={ariaSort(c.key)}
                    title={`${localized(c, locale, "assignmentTitle")} · ${colTitle(c)} (${c.slug})`}
                  >
                    <Link
                      prefetch={false}
                      className={styles.sortLink}
                      href={sortHref(c.key)}
                      aria-label={t("gradebook.sortBy", { column: colTitle(c) })}
                    >
                      {colTitle(c)}
                    </Link>
                    <br />
                    <span className="muted">/{formatScore(c.points)}</span>
                  </th>
                )),
                grouped ? (
                  <th
                    key={`sub:${g.assignmentId}`}
                    scope="col"
                    className={`${styles.num} ${styles.subtotal}`}
                    aria-sort={ariaSort(`sub:${g.assignmentId}`)}
                  >
                    <Link
                      prefetch={false}
                      className={styles.sortLink}
                      href={sortHref(`sub:${g.assignmentId}`)}
                      aria-label={t("gradebook.sortBy", {
                        column: t("gradebook.subtotalOf", { assignment: localized(g, locale) }),
                      })}
                    >
                      {t("gradebook.subtotal")}
                    </Link>
                    <br />
                    <span className="muted">/{formatScore(g.max)}</span>
                  </th>
                ) : null,
              ])}
            </tr>
          </thead>
          <GradebookRows
            count={book.rows.length}
            {...(isDocumentRequest(requestHeaders) ? { handoff: handOffRows(rowsHtml) } : { html: rowsHtml })}
          />
        </table>
      </div>
      {book.rows.length === 0 ? <p className="muted">{t("gradebook.noRows")}</p> : null}
      {pages > 1 ? (
        <nav className={styles.toolbar} aria-label={t("gradebook.page", { page: book.page, pages })}>
          {book.page > 1 ? (
            <Link prefetch={false} href={href({ page: String(book.page - 1) })}>
              {t("gradebook.prev")}
            </Link>
          ) : (
            <span />
          )}
          <span>{t("gradebook.page", { page: book.page, pages })}</span>
          {book.page < pages ? (
            <Link prefetch={false} href={href({ page: String(book.page + 1) })}>
              {t("gradebook.next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
      <BulkForm
        courseId={courseId}
        back={back}
        instructor={actor.role === "instructor"}
        columns={book.columns.map((c) => ({
          value: c.key,
          label: `${grouped ? `${localized(c, locale, "assignmentTitle")} · ` : ""}${colTitle(c)} (/${formatScore(c.points)})`,
        }))}
        assignments={book.groups.map((g) => ({ value: g.assignmentId, label: localized(g, locale) }))}
      />
    </section>
  );
}
