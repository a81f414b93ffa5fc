// PLACEHOLDER owned by the student UI (issue 6): replace this page; keep the requireEnrollment() call.
import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireEnrollment } from "../../_lib/auth";
import { courseTitle } from "../../_lib/routes";

type Props = { params: Promise<{ courseId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { courseId } = await params;
  const { access } = await requireEnrollment(courseId);
  return { title: courseTitle(access.course, await getLocale()) };
}

export default async function CoursePage({ params }: Props) {
  const { courseId } = await params;
  const { access } = await requireEnrollment(courseId);
  const [t, locale] = await Promise.all([getTranslations("common"), getLocale()]);
  return (
    <section aria-labelledby="course-title">
      <h1 id="course-title">{courseTitle(access.course, locale)}</h1>
      <p className="badge" data-role={access.role}>
        {t("home.role", { role: t(`roles.${access.role}`) })}
      </p>
      <p className="muted">{t("course.placeholder")}</p>
      <p>
        <Link href="/">{t("course.backToCourses")}</Link>
      </p>
    </section>
  );
}
