// GET: the student's submission history for this exercise. POST { code }: submit (queued; answers at once with the id);
// an Idempotency-Key header makes a retried POST return the same submission.
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
  const idempotencyKey = req.headers.get("idempotency-key");
  return studentRoute(async (userId) => submit(db(), { userId, ...p, code: await codeFromBody(req), idempotencyKey }));
}
