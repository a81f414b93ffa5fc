// POST { code, kind: "run" | "submit" } (instructors): grade in "preview as student", flagged as a staff preview.
import { db } from "@/prisma/client";
import { route } from "@/app/_lib/adapters";
import { staffContext } from "@/app/_lib/context";
import { codeFromBody } from "@/app/_lib/request";
import { previewGrade } from "@/app/_lib/staff/preview";

type Ctx = { params: Promise<{ courseId: string; exerciseId: string }> };

export async function POST(req: Request, { params }: Ctx) {
  const { courseId, exerciseId } = await params;
  const kind = new URL(req.url).searchParams.get("kind") === "submit" ? "submit" : "run";
  return route(req, async () =>
    previewGrade(db(), await staffContext(courseId, { instructor: true }), {
      exerciseId,
      code: await codeFromBody(req),
      kind,
    }),
  );
}
