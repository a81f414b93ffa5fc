// Gradescope results.json of one submission (TA and instructor).
import { db } from "@/prisma/client";
import { staffRoute } from "@/app/_lib/staff/server";
import { submissionGradescope } from "@/app/_lib/staff/review";

export async function GET(_req: Request, { params }: { params: Promise<{ courseId: string; submissionId: string }> }) {
  const { courseId, submissionId } = await params;
  return staffRoute(courseId, async (actor) => {
    const json = await submissionGradescope(db(), actor, submissionId);
    return new Response(JSON.stringify(json, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="results-${submissionId}.json"`,
        "cache-control": "no-store",
      },
    });
  });
}
