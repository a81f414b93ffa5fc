import { getTranslations } from "next-intl/server";

/** The ?ok=… / ?error=… message a server action redirected back with (staff messages, then people's). */
export async function Notice({ ok, error }: { ok?: string | string[]; error?: string | string[] }) {
  const [staff, people] = await Promise.all([getTranslations("staff"), getTranslations("people")]);
  const t = (key: string) => (staff.has(key) ? staff(key) : people(key));
  t.has = (key: string) => staff.has(key) || people.has(key);
  const o = typeof ok === "string" ? ok : undefined;
  const e = typeof error === "string" ? error : undefined;
  if (e) {
    return (
      <p className="alert alert--error" role="alert" data-testid="staff-error">
        {t.has(`errors.${e}`) ? t(`errors.${e}`) : t("errors.title")}
      </p>
    );
  }
  if (o && t.has(`ok.${o}`)) {
    return (
      <p className="alert alert--ok" role="status" data-testid="staff-ok">
        {t(`ok.${o}`)}
      </p>
    );
  }
  return null;
}
