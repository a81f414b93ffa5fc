// Roster (instructors): the member list with search, role and section, and its changes; then the CSV import.
import { SectionSelect } from "../SectionSelect";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { ROLES, isRole } from "@/app/_lib/access";
import { listMembers, listSections, SECTION_MAX_CHARS, type MemberQuery } from "@/app/_lib/staff/members";
import { rosterAction } from "../actions";
import { Notice } from "../Notice";
import { RosterImport } from "./RosterImport";
import { ResendInvite } from "./ResendInvite";
import { removeMemberAction, resendInviteAction, setRoleAction, setSectionAction } from "./actions";
import styles from "../staff.module.css";
import people from "../people.module.css";

type Props = {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("roster.title") };
}

export default async function RosterPage(props: Props) {
  return page(() => rosterPage(props));
}

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

async function rosterPage({ params, searchParams }: Props) {
  const { courseId } = await params;
  const sp = await searchParams;
  const actor = await staffContext(courseId, { instructor: true });
  const query: MemberQuery = {
    q: one(sp.q),
    role: isRole(sp.role) ? sp.role : undefined,
    section: one(sp.section) || undefined,
    ended: sp.ended === "1",
  };
  const [t, tp, members, sections] = await Promise.all([
    getTranslations("staff"),
    getTranslations("people"),
    listMembers(db(), actor, query),
    listSections(db(), actor),
  ]);
  // The list's filters, carried by every row form so a change comes back to the same view.
  const filters = new URLSearchParams(
    Object.entries({
      q: query.q ?? "",
      role: query.role ?? "",
      section: query.section ?? "",
      ended: sp.ended === "1" ? "1" : "",
    }).filter(([, v]) => v),
  ).toString();
  const back = filters ? `?${filters}` : "";
  return (
    <>
      <section aria-labelledby="members-title" id="members">
        <h1 id="members-title">{tp("members.title")}</h1>
        <Notice ok={sp.ok} error={sp.error} />
        <form method="get" className={styles.filters} role="search">
          <label>
            {tp("members.search")}
            <input type="search" name="q" defaultValue={query.q} data-testid="member-search" />
          </label>
          <label>
            {tp("members.role")}
            <select name="role" defaultValue={query.role ?? ""}>
              <option value="">{tp("members.anyRole")}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {tp(`members.roles.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <SectionSelect
            label={tp("members.section")}
            allLabel={tp("members.anySection")}
            sections={sections}
            value={query.section ?? null}
          />
          <div className={people.check}>
            <input id="members-ended" type="checkbox" name="ended" value="1" defaultChecked={query.ended} />
            <label htmlFor="members-ended">{tp("members.showRemoved")}</label>
          </div>
          <button type="submit" className="button">
            {tp("members.filter")}
          </button>
          <span className="muted" data-testid="member-count">
            {tp("members.count", { count: members.length })}
          </span>
        </form>
        <datalist id="sections">
          {sections.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <div className={styles.tableWrap}>
          <table className={styles.table} data-testid="members">
            <thead>
              <tr>
                <th scope="col">{tp("members.name")}</th>
                <th scope="col">{tp("members.email")}</th>
                <th scope="col">{tp("members.studentId")}</th>
                <th scope="col">{tp("members.role")}</th>
                <th scope="col">{tp("members.section")}</th>
                <th scope="col">{tp("members.password")}</th>
                <th scope="col">{tp("members.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr
                  key={m.userId}
                  data-testid="member"
                  data-email={m.email}
                  data-role={m.role}
                  data-ended={m.endedAt ? "true" : "false"}
                >
                  <th scope="row">{m.name}</th>
                  <td>{m.email}</td>
                  <td>{m.studentId ?? ""}</td>
                  {m.endedAt ? (
                    <>
                      <td>{tp(`members.roles.${m.role}`)}</td>
                      <td>{m.section ?? ""}</td>
                      <td>{m.hasPassword ? tp("members.passwordSet") : tp("members.passwordNotSet")}</td>
                      <td>
                        <span className="badge">{tp("members.removed")}</span>
                      </td>
                    </>
                  ) : (
                    <>
                      <td>
                        <form action={setRoleAction.bind(null, courseId, m.userId)} className={people.inline}>
                          <input type="hidden" name="query" value={back} />
                          <select
                            name="role"
                            defaultValue={m.role}
                            aria-label={tp("members.roleOf", { name: m.name })}
                            data-testid="member-role"
                          >
                            {ROLES.map((r) => (
                              <option key={r} value={r}>
                                {tp(`members.roles.${r}`)}
                              </option>
                            ))}
                          </select>
                          <button type="submit" className="button button--quiet" data-testid="member-role-save">
                            {tp("members.saveRole")}
                          </button>
                        </form>
                      </td>
                      <td>
                        <form action={setSectionAction.bind(null, courseId, m.userId)} className={people.inline}>
                          <input type="hidden" name="query" value={back} />
                          <input
                            name="section"
                            list="sections"
                            defaultValue={m.section ?? ""}
                            maxLength={SECTION_MAX_CHARS}
                            size={8}
                            placeholder={tp("members.noSection")}
                            aria-label={tp("members.sectionOf", { name: m.name })}
                            data-testid="member-section"
                          />
                          <button type="submit" className="button button--quiet" data-testid="member-section-save">
                            {tp("members.saveSection")}
                          </button>
                        </form>
                      </td>
                      <td>{m.hasPassword ? tp("members.passwordSet") : tp("members.passwordNotSet")}</td>
                      <td>
                        <div className={people.actions}>
                          {m.hasPassword ? null : (
                            <ResendInvite name={m.name} action={resendInviteAction.bind(null, courseId, m.userId)} />
                          )}
                          <form action={removeMemberAction.bind(null, courseId, m.userId)}>
                            <input type="hidden" name="query" value={back} />
                            <button
                              type="submit"
                              className="button button--quiet"
                              aria-label={tp("members.removeOf", { name: m.name })}
                              data-testid="member-remove"
                            >
                              {tp("members.remove")}
                            </button>
                          </form>
                        </div>
                      </td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="roster-title">
        <h2 id="roster-title">{t("roster.title")}</h2>
        <p>{t("roster.help")}</p>
        <RosterImport action={rosterAction.bind(null, courseId)} />
      </section>
    </>
  );
}
