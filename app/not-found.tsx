import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <section className="card card--narrow">
      <h1>{t("errors.notFoundTitle")}</h1>
      <p className="muted">{t("errors.notFound")}</p>
      <p>
        <Link href="/">{t("course.backToCourses")}</Link>
      </p>
    </section>
  );
}
