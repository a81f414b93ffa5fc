import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/prisma/client";
import { page } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { listExercises } from "@/app/_lib/staff/assignments";
import { saveAssignmentAction } from "../../actions";
import { AssignmentForm } from "../AssignmentForm";
import { Notice } from "../../Notice";
import { DAY_MS } from "@/grader/policy";

type Props = {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("assignments.new") };
}

export default async function NewAssignmentPage(props: Props) {
  return page(() => newAssignmentPage(props));
}

async function newAssignmentPage({ params, searchParams }: Props) {
  const { courseId } = await params;
  const sp = await searchParams;
  await staffContext(courseId, { instructor: true });
  const [t, exercises] = await Promise.all([getTranslations("staff"), listExercises(db())]);
  const start = new Date(Math.ceil(Date.now() / DAY_MS) * DAY_MS);
  return (
    <section aria-labelledby="na-title">
      <h1 id="na-title">{t("assignments.new")}</h1>
      <Notice error={sp.error} />
      <AssignmentForm
        action={saveAssignmentAction.bind(null, courseId, null)}
        courseId={courseId}
        exercises={exercises}
        values={{
          titleEn: "",
          titleZh: "",
          releaseAt: start,
          dueAt: new Date(start.getTime() + 7 * DAY_MS),
          latePenaltyPerDay: 0.1,
          lateDaysMax: 3,
          attemptLimit: null,
          scorePolicy: "best",
          items: [],
        }}
      />
    </section>
  );
}
