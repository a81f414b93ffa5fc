"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <section className="card card--narrow" role="alert">
      <h1>{t("errors.unexpected")}</h1>
      <button type="button" className="button" onClick={() => reset()}>
        {t("errors.retry")}
      </button>
    </section>
  );
}
