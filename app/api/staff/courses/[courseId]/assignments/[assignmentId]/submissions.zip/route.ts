// "Download all submissions" of an assignment (TA and instructor): ?pick=latest|best (default best).
import { db } from "@/prisma/client";
import { route } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { downloadName } from "@/app/_lib/staff/exportCsv";
import { assignmentOfCourse } from "@/app/_lib/staff/scope";
import { submissionsZip } from "@/app/_lib/staff/submissionsZip";

export async function GET(req: Request, { params }: { params: Promise<{ courseId: string; assignmentId: string }> }) {
  const { courseId, assignmentId } = await params;
  return route(req, async () => {
    const actor = await staffContext(courseId);
    const assignment = await assignmentOfCourse(db(), actor, assignmentId);
    const pick = new URL(req.url).searchParams.get("pick") === "latest" ? "latest" : "best";
    const zip = await submissionsZip(db(), actor, assignment.id, pick);
    const name = downloadName({ course: actor.course.slug, assignment: `${assignment.titleEn}-${pick}` }, "zip");
    return new Response(new Uint8Array(zip), {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
      },
    });
  });
}
