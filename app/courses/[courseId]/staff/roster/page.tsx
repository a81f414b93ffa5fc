// Roster import (instructors): CSV → dry-run preview → commit; one-time password links for new users.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { rosterAction } from "../actions";
import { RosterImport } from "./RosterImport";

type Props = { params: Promise<{ courseId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("roster.title") };
}

export default async function RosterPage({ params }: Props) {
  return page(async () => {
    const { courseId } = await params;
    const actor = await staffContext(courseId, { instructor: true });
    const t = await getTranslations("staff");
    const members = await db().enrollment.count({ where: { courseId: actor.courseId } });
    return (
      <section aria-labelledby="roster-title">
        <h1 id="roster-title">{t("roster.title")}</h1>
        <p>{t("roster.help")}</p>
        <p className="muted">{t("roster.members", { count: members })}</p>
        <RosterImport action={rosterAction.bind(null, courseId)} />
      </section>
    );
  });
}
