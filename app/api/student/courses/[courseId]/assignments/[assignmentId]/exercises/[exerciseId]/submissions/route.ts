// GET: the student's submission history for this exercise. POST { code }: submit (queued; answers at once with the id).
import { db } from "@/prisma/client";
import { codeFromBody, studentRoute } from "@/app/_lib/student/http";
import { history, submit } from "@/app/_lib/student/submissions";

type Ctx = { params: Promise<{ courseId: string; assignmentId: string; exerciseId: string }> };

export async function GET(_req: Request, { params }: Ctx) {
  const p = await params;
  return studentRoute((userId) => history(db(), { userId, ...p }));
}

export async function POST(req: Request, { params }: Ctx) {
  const p = await params;
  return studentRoute(async (userId) => submit(db(), { userId, ...p, code: await codeFromBody(req) }));
}
