// POST { code }: grade the visible cases (no attempt spent) and answer with the result.
import { db } from "@/prisma/client";
import { codeFromBody, studentRoute } from "@/app/_lib/student/http";
import { run } from "@/app/_lib/student/submissions";

type Ctx = { params: Promise<{ courseId: string; assignmentId: string; exerciseId: string }> };

export async function POST(req: Request, { params }: Ctx) {
  const p = await params;
  return studentRoute(async (userId) => run(db(), { userId, ...p, code: await codeFromBody(req) }));
}
