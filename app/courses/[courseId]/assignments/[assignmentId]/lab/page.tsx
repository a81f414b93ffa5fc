// A section's lab (issue 15): the student's own functions on real digits, in a Web Worker in this browser.
import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { page } from "@/app/_lib/adapters";
import { courseContext } from "@/app/_lib/context";
import { courseHref } from "@/app/_lib/routes";
import { labAccess, type LabAccess } from "@/app/_lib/labs";
import { db } from "@/prisma/client";
import { DIGITS_PATH } from "@/labs/digits";
import { LabWorkbench } from "./LabWorkbench";

type Props = { params: Promise<{ courseId: string; assignmentId: string }> };

async function load({ params }: Props): Promise<{ la: LabAccess; courseId: string }> {
  const { courseId, assignmentId } = await params;
  return { la: await labAccess(db(), await courseContext(courseId), assignmentId), courseId };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return page(async () => {
    const { la } = await load(props);
    const t = await getTranslations("labs");
    return { title: t(`title.${la.lab.id}`) };
  });
}

export default async function LabPage(props: Props) {
  return page(async () => labPage(await load(props)));
}

async function labPage({ la, courseId }: { la: LabAccess; courseId: string }) {
  const [t, locale] = await Promise.all([getTranslations("labs"), getLocale()]);
  const zh = locale === "zh-CN";
  return (
    <section aria-labelledby="lab-title">
      <p className="muted">
        <Link href={courseHref(courseId, la.role)}>{t("back")}</Link>
      </p>
      <h1 id="lab-title">{t(`title.${la.lab.id}`)}</h1>
      <p className="muted">{t("intro")}</p>
      <p>
        {t("uses")}:{" "}
        {la.functions.map((f, i) => (
          <span key={f.entry}>
            {i ? ", " : ""}
            {f.exerciseId ? (
              <Link
                href={`/courses/${encodeURIComponent(courseId)}/assignments/${encodeURIComponent(la.assignment.id)}/exercises/${encodeURIComponent(f.slug)}`}
              >
                <code>{f.entry}</code>
              </Link>
            ) : (
              <code>{f.entry}</code>
            )}{" "}
            <span className="muted">({zh ? f.title.zh : f.title.en})</span>
          </span>
        ))}
      </p>
      <LabWorkbench
        lab={la.lab.id}
        codeUrl={`/api/courses/${encodeURIComponent(courseId)}/assignments/${encodeURIComponent(la.assignment.id)}/lab`}
        digitsUrl={DIGITS_PATH}
        referenceAllowed={la.referenceAllowed}
        defaultSource={la.role === "student" ? "draft" : "reference"}
      />
    </section>
  );
}
