import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { listAssignments } from "@/app/_lib/staff/assignments";
import { localized } from "@/app/_i18n/localized";
import styles from "./staff.module.css";

type Props = { params: Promise<{ courseId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("nav.overview") };
}

export default async function StaffOverview({ params }: Props) {
  return page(async () => {
    const { courseId } = await params;
    const actor = await staffContext(courseId);
    const [t, locale, format, assignments] = await Promise.all([
      getTranslations("staff"),
      getLocale(),
      getFormatter(),
      listAssignments(db(), actor),
    ]);
    const base = `/courses/${encodeURIComponent(courseId)}/staff`;
    return (
      <section aria-labelledby="staff-title">
        <h1 id="staff-title">{t("overview.title", { course: localized(actor.course, locale) })}</h1>
        <div className={styles.toolbar}>
          <Link className="button" href={`${base}/gradebook`}>
            {t("overview.courseGradebook")}
          </Link>
          {actor.role === "instructor" ? (
            <Link className="button button--primary" href={`${base}/assignments/new`}>
              {t("overview.newAssignment")}
            </Link>
          ) : null}
        </div>
        <h2>{t("overview.assignments")}</h2>
        {assignments.length === 0 ? <p className="muted">{t("overview.noAssignments")}</p> : null}
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <tbody>
              {assignments.map((a) => (
                <tr key={a.id} data-testid="staff-assignment">
                  <th scope="row">{localized(a, locale)}</th>
                  <td>
                    {t("overview.due", { date: format.dateTime(a.dueAt, { dateStyle: "medium", timeStyle: "short" }) })}
                  </td>
                  <td>{t("overview.exercises", { count: a.items.length })}</td>
                  <td>
                    <Link href={`${base}/gradebook?assignment=${a.id}`}>{t("overview.gradebook")}</Link>
                  </td>
                  <td>
                    <Link href={`${base}/analytics/${a.id}`}>{t("overview.analytics")}</Link>
                  </td>
                  <td>
                    <Link href={`${base}/assignments/${a.id}`}>{t("overview.edit")}</Link>
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
