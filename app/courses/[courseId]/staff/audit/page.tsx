// Audit log (instructors): who, when, what, before, after, why.
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { listAudit } from "@/app/_lib/staff/audit";
import styles from "../staff.module.css";

type Props = {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("audit.title") };
}

const ACTIONS = [
  "override",
  "comment",
  "regrade",
  "assignment.create",
  "assignment.update",
  "extension.set",
  "extension.remove",
  "roster.import",
];

export default async function AuditPage({ params, searchParams }: Props) {
  return page(async () => {
    const { courseId } = await params;
    const sp = await searchParams;
    const actor = await staffContext(courseId, { instructor: true });
    const action = typeof sp.action === "string" && ACTIONS.includes(sp.action) ? sp.action : undefined;
    const [t, format, log] = await Promise.all([
      getTranslations("staff"),
      getFormatter(),
      listAudit(db(), actor, { action, take: 200 }),
    ]);
    const show = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v, null, 1));
    return (
      <section aria-labelledby="audit-title">
        <h1 id="audit-title">{t("audit.title")}</h1>
        <form method="get" className={styles.filters}>
          <label>
            {t("audit.filter")}
            <select name="action" defaultValue={action ?? ""}>
              <option value="">{t("audit.all")}</option>
              {ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <button className="button" type="submit">
            {t("gradebook.apply")}
          </button>
          <span className="muted">{t("audit.count", { count: log.total })}</span>
        </form>
        {log.rows.length === 0 ? <p className="muted">{t("audit.empty")}</p> : null}
        <div className={styles.tableWrap}>
          <table className={styles.table} data-testid="audit">
            <thead>
              <tr>
                <th scope="col">{t("common.when")}</th>
                <th scope="col">{t("common.who")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.before")}</th>
                <th scope="col">{t("audit.after")}</th>
                <th scope="col">{t("common.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((r) => (
                <tr key={r.id} data-testid="audit-row" data-action={r.action}>
                  <td>
                    <time dateTime={r.createdAt.toISOString()}>
                      {format.dateTime(r.createdAt, { dateStyle: "short", timeStyle: "medium" })}
                    </time>
                  </td>
                  <td>{r.actor.name}</td>
                  <td>
                    {r.action}
                    <br />
                    <span className="muted">
                      {r.entityType} {r.entityId.slice(0, 10)}
                    </span>
                  </td>
                  <td className={styles.json}>{show(r.before)}</td>
                  <td className={styles.json}>{show(r.after)}</td>
                  <td style={{ whiteSpace: "pre-wrap" }}>{r.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    );
  });
}
