// GET ?source=draft|best|reference: the code the section's lab runs in the caller's browser (app/_lib/labs.ts).
import { db } from "@/prisma/client";
import { labAccess, labCode } from "@/app/_lib/labs";
import { studentRoute } from "@/app/_lib/student/http";

type Ctx = { params: Promise<{ courseId: string; assignmentId: string }> };

export async function GET(req: Request, { params }: Ctx) {
  const { courseId, assignmentId } = await params;
  const source = new URL(req.url).searchParams.get("source");
  return studentRoute(async (userId) =>
    labCode(db(), userId, await labAccess(db(), userId, courseId, assignmentId), source),
  );
}
