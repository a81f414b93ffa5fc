// One-time password-set link for users created by a roster import.
import Link from "next/link";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { checkPasswordToken, usePasswordToken } from "@/app/_lib/auth/passwordTokens";
import { MIN_PASSWORD_LENGTH } from "@/accounts/password";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("setPassword.title") };
}

async function setPassword(form: FormData) {
  "use server";
  const token = String(form.get("token") ?? "");
  const password = String(form.get("password") ?? "");
  const q = (extra: string) => `/set-password?token=${encodeURIComponent(token)}&${extra}`;
  if (password !== String(form.get("confirm") ?? "")) redirect(q("error=mismatch"));
  const r = await usePasswordToken(db(), token, password);
  redirect(r.ok ? "/set-password?done=1" : q(`error=${r.problem}`));
}

export default async function SetPasswordPage({ searchParams }: Props) {
  const sp = await searchParams;
  const t = await getTranslations("staff.setPassword");
  if (sp.done) {
    return (
      <section className="card card--narrow">
        <h1>{t("title")}</h1>
        <p className="alert alert--ok" role="status">
          {t("done")}
        </p>
        <Link className="button button--primary" href="/signin">
          {t("signin")}
        </Link>
      </section>
    );
  }
  const token = typeof sp.token === "string" ? sp.token : "";
  const check = await checkPasswordToken(db(), token);
  const error =
    typeof sp.error === "string" && ["mismatch", "weak", "invalid", "used", "expired"].includes(sp.error)
      ? sp.error
      : null;
  if (!check.ok) {
    return (
      <section className="card card--narrow">
        <h1>{t("title")}</h1>
        <p className="alert alert--error" role="alert">
          {t(check.problem)}
        </p>
      </section>
    );
  }
  return (
    <section className="card card--narrow" aria-labelledby="sp-title">
      <h1 id="sp-title">{t("title")}</h1>
      <p>{t("intro", { email: check.user.email })}</p>
      {error ? (
        <p className="alert alert--error" role="alert">
          {t(error as "weak")}
        </p>
      ) : null}
      <form action={setPassword} className="form">
        <input type="hidden" name="token" value={token} />
        <div className="field">
          <label htmlFor="password">{t("password", { min: MIN_PASSWORD_LENGTH })}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={MIN_PASSWORD_LENGTH}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="confirm">{t("confirm")}</label>
          <input
            id="confirm"
            name="confirm"
            type="password"
            autoComplete="new-password"
            minLength={MIN_PASSWORD_LENGTH}
            required
          />
        </div>
        <button className="button button--primary" type="submit" data-testid="set-password-submit">
          {t("submit")}
        </button>
      </form>
    </section>
  );
}
