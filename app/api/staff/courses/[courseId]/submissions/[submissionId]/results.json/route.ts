// Gradescope results.json of one submission (TA and instructor).
import { db } from "@/prisma/client";
import { route } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { submissionGradescope } from "@/app/_lib/staff/review";

export async function GET(req: Request, { params }: { params: Promise<{ courseId: string; submissionId: string }> }) {
  const { courseId, submissionId } = await params;
  return route(req, async () => {
    const actor = await staffContext(courseId);
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
