import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { openRequestCount } from "@/app/_lib/people/requests";
import styles from "./staff.module.css";

export default async function StaffLayout(props: Parameters<typeof staffLayout>[0]) {
  return page(() => staffLayout(props));
}

async function staffLayout({ children, params }: { children: React.ReactNode; params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const access = await staffContext(courseId);
  const [t, tp, open] = await Promise.all([
    getTranslations("staff"),
    getTranslations("people"),
    openRequestCount(access),
  ]);
  const base = `/courses/${encodeURIComponent(courseId)}/staff`;
  const links: [string, string][] = [
    [base, t("nav.overview")],
    [`${base}/gradebook`, t("nav.gradebook")],
    [`${base}/regrades`, t("nav.regrades")],
    [`${base}/requests`, open ? `${tp("requests.title")} (${open})` : tp("requests.title")],
  ];
  if (access.role === "instructor") {
    links.push(
      [`${base}/roster`, t("nav.roster")],
      [`${base}/exercises`, t("nav.exercises")],
      [`${base}/audit`, t("nav.audit")],
    );
  }
  return (
    <>
      <nav aria-label={t("nav.label")}>
        <ul className={styles.nav}>
          {links.map(([href, label]) => (
            <li key={href}>
              <Link href={href}>{label}</Link>
            </li>
          ))}
          <li className={`badge ${styles.role}`}>{t(`roles.${access.role}`)}</li>
        </ul>
      </nav>
      {children}
    </>
  );
}
