// Audit log (instructors): each change as a sentence with names and titles, expandable to its before and after.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { courseTimeZone, fromZonedInput } from "@/app/_lib/dates";
import { AUDIT_ACTIONS, isAuditAction, listAudit } from "@/app/_lib/staff/audit";
import { auditFields, auditNames, describeAudit } from "@/app/_lib/staff/auditText";
import { CourseTime } from "@/app/_components/CourseTime";
import styles from "../staff.module.css";
import people from "../people.module.css";

type Props = {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("people"))("audit.title") };
}

export default async function AuditPage(props: Props) {
  return page(() => auditPage(props));
}

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A yyyy-mm-dd day in the course zone: its start, or (`end`) the start of the next day. */
function day(v: string, end = false): Date | undefined {
  if (!DATE.test(v)) return undefined;
  const start = fromZonedInput(`${v}T00:00`, courseTimeZone());
  return end ? new Date(start.getTime() + 86_400_000) : start;
}

/** Message keys cannot hold dots (next-intl reads them as nesting): "member.role" → "member_role". */
const actionKey = (a: string) => a.replace(".", "_");

const memberOption = (m: { user: { id: string; name: string } }) => (
  <option key={m.user.id} value={m.user.id}>
    {m.user.name}
  </option>
);

async function auditPage({ params, searchParams }: Props) {
  const { courseId } = await params;
  const sp = await searchParams;
  const actor = await staffContext(courseId, { instructor: true });
  const filter = {
    action: isAuditAction(sp.action) ? sp.action : undefined,
    actorId: one(sp.actor) || undefined,
    subjectId: one(sp.student) || undefined,
    from: day(one(sp.from)),
    to: day(one(sp.to), true),
  };
  const [t, locale, log, members] = await Promise.all([
    getTranslations("people"),
    getLocale(),
    listAudit(db(), actor, { ...filter, take: 200 }),
    db().enrollment.findMany({
      where: { courseId: actor.courseId },
      select: { role: true, user: { select: { id: true, name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  const names = await auditNames(db(), actor.courseId, log.rows, locale);
  // Staff first: they make most changes; students appear as the authors of their requests.
  const actors = [...members.filter((m) => m.role !== "student"), ...members.filter((m) => m.role === "student")];
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t("audit.title")}</h1>
      <form method="get" className={styles.filters}>
        <label>
          {t("audit.actor")}
          <select name="actor" defaultValue={filter.actorId ?? ""}>
            <option value="">{t("audit.anyone")}</option>
            {actors.map(memberOption)}
          </select>
        </label>
        <label>
          {t("audit.student")}
          <select name="student" defaultValue={filter.subjectId ?? ""}>
            <option value="">{t("audit.anyone")}</option>
            {members.map(memberOption)}
          </select>
        </label>
        <label>
          {t("audit.action")}
          <select name="action" defaultValue={filter.action ?? ""} data-testid="audit-action">
            <option value="">{t("audit.anyAction")}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`audit.actions.${actionKey(a)}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("audit.from")}
          <input type="date" name="from" defaultValue={DATE.test(one(sp.from)) ? one(sp.from) : ""} />
        </label>
        <label>
          {t("audit.to")}
          <input type="date" name="to" defaultValue={DATE.test(one(sp.to)) ? one(sp.to) : ""} />
        </label>
        <button className="button" type="submit">
          {t("audit.filter")}
        </button>
        <span className="muted">{t("audit.count", { count: log.total })}</span>
      </form>
      {log.rows.length === 0 ? <p className="muted">{t("audit.empty")}</p> : null}
      <ol className={people.auditList} data-testid="audit">
        {log.rows.map((r) => {
          const s = describeAudit(r, names);
          const fields = auditFields(r, names);
          // A regrade's reason names its internal run; the sentence already says what happened.
          const reason = r.action === "regrade" ? null : r.reason;
          return (
            <li key={r.id} className={people.auditRow} data-testid="audit-row" data-action={r.action}>
              <details>
                <summary>
                  <span className="muted">
                    <CourseTime value={r.createdAt} />
                  </span>
                  <span className={people.auditSentence} data-testid="audit-sentence">
                    {t(`audit.sentence.${s.key}`, s.params)}
                    {reason ? `: ${reason}` : ""}
                  </span>
                  <span className="badge">
                    {isAuditAction(r.action) ? t(`audit.actions.${actionKey(r.action)}`) : r.action}
                  </span>
                </summary>
                {fields.length ? (
                  <table className={`${styles.table} ${people.auditFields}`} data-testid="audit-fields">
                    <thead>
                      <tr>
                        <th scope="col">{t("audit.field")}</th>
                        <th scope="col">{t("audit.before")}</th>
                        <th scope="col">{t("audit.after")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {fields.map((f) => (
                        <tr key={f.field}>
                          <th scope="row">{f.field}</th>
                          <td>{f.before ?? "—"}</td>
                          <td>{f.after ?? "—"}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
