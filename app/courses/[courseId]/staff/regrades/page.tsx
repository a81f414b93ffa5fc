// Regrades of this course, newest first.
import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { listRegrades } from "@/app/_lib/staff/regrade";
import styles from "../staff.module.css";

type Props = { params: Promise<{ courseId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("regrades.title") };
}

export default async function RegradesPage({ params }: Props) {
  return page(async () => {
    const { courseId } = await params;
    const actor = await staffContext(courseId);
    const [t, format, list] = await Promise.all([getTranslations("staff"), getFormatter(), listRegrades(db(), actor)]);
    const base = `/courses/${encodeURIComponent(courseId)}/staff`;
    return (
      <section aria-labelledby="rg-title">
        <h1 id="rg-title">{t("regrades.title")}</h1>
        {list.length === 0 ? <p className="muted">{t("regrades.empty")}</p> : null}
        <ul>
          {list.map((r) => (
            <li key={r.id}>
              <Link href={`${base}/regrades/${r.id}`}>
                {t("regrades.created", {
                  date: format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                })}
              </Link>{" "}
              · {t(`regrades.status.${r.status as "running"}`)} · {r._count.items}
            </li>
          ))}
        </ul>
        <p className="muted">{t("review.regradeHint")}</p>
        <span className={styles.role} />
      </section>
    );
  });
}
