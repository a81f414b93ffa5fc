// Gradebook CSV download (TA and instructor), with the page's policy, search, filter and sort.
import { db } from "@/prisma/client";
import { route } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { csvFileName, gradebookCsv } from "@/app/_lib/staff/exportCsv";
import { GRADEBOOK_FILTERS, type GradebookFilter } from "@/app/_lib/staff/gradebook";

export async function GET(req: Request, { params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  return route(req, async () => {
    const actor = await staffContext(courseId);
    const sp = new URL(req.url).searchParams;
    const policy = sp.get("policy");
    const filter = sp.get("filter");
    const csv = await gradebookCsv(db(), actor, {
      assignmentId: sp.get("assignment") || null,
      policy: policy === "best" || policy === "latest" ? policy : null,
      search: sp.get("q"),
      sort: sp.get("sort"),
      dir: sp.get("dir") === "desc" ? "desc" : "asc",
      filter: GRADEBOOK_FILTERS.includes(filter as GradebookFilter) ? (filter as GradebookFilter) : null,
      threshold: sp.get("threshold") ? Number(sp.get("threshold")) : null,
    });
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${csvFileName(actor.course.slug)}"`,
        "cache-control": "no-store",
      },
    });
  });
}
