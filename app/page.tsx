import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { isRole } from "./_lib/access";
import { page } from "./_lib/adapters";
import { signedInUser } from "./_lib/context";
import { courseHref } from "./_lib/routes";
import { localized } from "./_i18n/localized";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("home.title") };
}

export default async function HomePage() {
  return page(async () => homePage((await signedInUser()).id));
}

async function homePage(userId: string) {
  const [t, locale] = await Promise.all([getTranslations("common"), getLocale()]);
  const enrollments = await db().enrollment.findMany({
    where: { userId, endedAt: null },
    include: { course: { select: { id: true, titleEn: true, titleZh: true } } },
    orderBy: { createdAt: "asc" },
  });
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t("home.title")}</h1>
      {enrollments.length === 0 ? (
        <p className="muted">{t("home.empty")}</p>
      ) : (
        <ul className="course-list" data-testid="course-list">
          {enrollments
            .filter((e) => isRole(e.role))
            .map((e) => {
              const role = e.role as Parameters<typeof courseHref>[1];
              const title = localized(e.course, locale);
              return (
                <li key={e.id} className="card course-card">
                  <h2 className="course-card__title">
                    <Link href={courseHref(e.course.id, role)} aria-label={t("home.open", { course: title })}>
                      {title}
                    </Link>
                  </h2>
                  <p className="badge" data-role={role}>
                    {t("home.role", { role: t(`roles.${role}`) })}
                  </p>
                </li>
              );
            })}
        </ul>
      )}
    </section>
  );
}
