// Staff overview: what needs attention now (each with a count and a link), then the assignments.
import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { listAssignments } from "@/app/_lib/staff/assignments";
import { loadAttention } from "@/app/_lib/staff/attention";
import { CourseTime } from "@/app/_components/CourseTime";
import { localized } from "@/app/_i18n/localized";
import styles from "./staff.module.css";

type Props = { params: Promise<{ courseId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("nav.overview") };
}

export default async function StaffOverview(props: Props) {
  return page(() => staffOverview(props));
}

async function staffOverview({ params }: Props) {
  const { courseId } = await params;
  const actor = await staffContext(courseId);
  const [t, locale, assignments, attention] = await Promise.all([
    getTranslations("staff"),
    getLocale(),
    listAssignments(db(), actor),
    loadAttention(db(), actor),
  ]);
  const base = `/courses/${encodeURIComponent(courseId)}/staff`;
  const instructor = actor.role === "instructor";
  const counted: { key: string; count: number; href: string | null }[] = [
    { key: "graderErrors", count: attention.graderErrors, href: `${base}/gradebook?filter=errors` },
    { key: "waiting", count: attention.waiting, href: `${base}/gradebook?filter=pending` },
    { key: "regradePreviews", count: attention.regradePreviews, href: `${base}/regrades` },
    { key: "openRequests", count: attention.openRequests, href: `${base}/requests` },
    { key: "failedChecks", count: attention.failedChecks.length, href: instructor ? `${base}/exercises` : null },
  ];
  const soon = [
    { key: "opening", list: attention.opening, href: (id: string) => `${base}/assignments/${id}` },
    { key: "closing", list: attention.closing, href: (id: string) => `${base}/gradebook?assignment=${id}` },
  ];
  const nothing = counted.every((c) => c.count === 0) && soon.every((s) => s.list.length === 0);
  return (
    <section aria-labelledby="staff-title">
      <h1 id="staff-title">{t("overview.title", { course: localized(actor.course, locale) })}</h1>
      <div className={styles.toolbar}>
        <Link className="button" href={`${base}/gradebook`}>
          {t("overview.courseGradebook")}
        </Link>
        {instructor ? (
          <Link className="button button--primary" href={`${base}/assignments/new`}>
            {t("overview.newAssignment")}
          </Link>
        ) : null}
      </div>
      <h2>{t("attention.title")}</h2>
      {nothing ? <p className="alert alert--ok">{t("attention.nothing")}</p> : null}
      <ul className={styles.attention} data-testid="attention">
        {counted.map((c) => (
          <li key={c.key} className={c.count ? styles.attentionHot : undefined} data-testid={`attention-${c.key}`}>
            <span className={styles.attentionCount}>{c.count}</span>{" "}
            {c.href && c.count ? (
              <Link href={c.href}>{t(`attention.${c.key}`, { count: c.count })}</Link>
            ) : (
              <span>{t(`attention.${c.key}`, { count: c.count })}</span>
            )}
            {c.key === "failedChecks" && attention.failedChecks.length ? (
              <span className="muted"> ({attention.failedChecks.map((e) => localized(e, locale)).join(", ")})</span>
            ) : null}
          </li>
        ))}
        {soon.map((s) => (
          <li
            key={s.key}
            className={s.list.length ? styles.attentionHot : undefined}
            data-testid={`attention-${s.key}`}
          >
            <span className={styles.attentionCount}>{s.list.length}</span>{" "}
            <span>{t(`attention.${s.key}`, { count: s.list.length })}</span>
            {s.list.length ? (
              <ul>
                {s.list.map((a) => (
                  <li key={a.id}>
                    <Link href={s.href(a.id)}>{localized(a, locale)}</Link> · <CourseTime value={a.at} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <h2>{t("overview.assignments")}</h2>
      {assignments.length === 0 ? <p className="muted">{t("overview.noAssignments")}</p> : null}
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <tbody>
            {assignments.map((a) => (
              <tr key={a.id} data-testid="staff-assignment">
                <th scope="row">{localized(a, locale)}</th>
                <td>
                  {t("overview.dueLabel")} <CourseTime value={a.dueAt} />
                </td>
                <td>{t("overview.exercises", { count: a.items.length })}</td>
                <td>
                  <Link href={`${base}/gradebook?assignment=${a.id}`}>{t("overview.gradebook")}</Link>
                </td>
                <td>
                  <Link href={`${base}/analytics/${a.id}`}>{t("overview.analytics")}</Link>
                </td>
                <td>
                  <Link href={`${base}/assignments/${a.id}`}>
                    {instructor ? t("overview.edit") : t("overview.details")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
