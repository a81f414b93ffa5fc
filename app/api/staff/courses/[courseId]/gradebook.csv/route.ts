// Gradebook CSV download (TA and instructor), with the page's policy, search, filter and sort.
import { db } from "@/prisma/client";
import { route } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { downloadName, gradebookCsv } from "@/app/_lib/staff/exportCsv";
import { gradebookQueryFrom } from "@/app/_lib/staff/gradebook";
import { assignmentOfCourse } from "@/app/_lib/staff/scope";

export async function GET(req: Request, { params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  return route(req, async () => {
    const actor = await staffContext(courseId);
    const q = gradebookQueryFrom(new URL(req.url).searchParams);
    const assignment = q.assignmentId ? await assignmentOfCourse(db(), actor, q.assignmentId) : null;
    const csv = await gradebookCsv(db(), actor, q);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${downloadName({ course: actor.course.slug, assignment: assignment?.titleEn }, "csv")}"`,
        "cache-control": "no-store",
      },
    });
  });
}
