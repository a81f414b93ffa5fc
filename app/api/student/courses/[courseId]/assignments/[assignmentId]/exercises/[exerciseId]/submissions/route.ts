// GET: the student's submission history for this exercise. POST { code }: submit (queued; answers at once with the id).
import { db } from "@/prisma/client";
import { route } from "@/app/_lib/adapters";
import { studentContext } from "@/app/_lib/context";
import { codeFromBody } from "@/app/_lib/request";
import { history, submit } from "@/app/_lib/student/submissions";

type Ctx = { params: Promise<{ courseId: string; assignmentId: string; exerciseId: string }> };

export async function GET(req: Request, { params }: Ctx) {
  const { courseId, ...ref } = await params;
  return route(req, async () => history(db(), await studentContext(courseId), ref));
}

export async function POST(req: Request, { params }: Ctx) {
  const { courseId, ...ref } = await params;
  return route(req, async () =>
    submit(db(), await studentContext(courseId), { ...ref, code: await codeFromBody(req) }),
  );
}
