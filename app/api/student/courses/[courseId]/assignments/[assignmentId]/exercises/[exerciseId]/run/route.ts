// POST { code }: grade the visible cases (no attempt spent) and answer with the result.
import { db } from "@/prisma/client";
import { route } from "@/app/_lib/adapters";
import { studentContext } from "@/app/_lib/context";
import { codeFromBody } from "@/app/_lib/request";
import { run } from "@/app/_lib/student/submissions";

type Ctx = { params: Promise<{ courseId: string; assignmentId: string; exerciseId: string }> };

export async function POST(req: Request, { params }: Ctx) {
  const { courseId, ...ref } = await params;
  return route(req, async () => run(db(), await studentContext(courseId), { ...ref, code: await codeFromBody(req) }));
}
