import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser, safeNextPath } from "../_lib/auth";
import { SignInForm } from "./SignInForm";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signIn.title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const nextPath = safeNextPath(next) ? next : "/";
  if (await getCurrentUser()) redirect(nextPath);
  const t = await getTranslations("auth");
  return (
    <section className="card card--narrow" aria-labelledby="signin-title">
      <h1 id="signin-title">{t("signIn.title")}</h1>
      <p className="muted">{t("signIn.intro")}</p>
      <SignInForm next={nextPath} />
    </section>
  );
}
