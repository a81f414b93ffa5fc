// POST { code, args }: run the code on the student's own arguments (the scratchpad; no attempt spent, no expected value).
import { db } from "@/prisma/client";
import { route } from "@/app/_lib/adapters";
import { studentContext } from "@/app/_lib/context";
import { fieldsFromBody } from "@/app/_lib/request";
import { tryCode } from "@/app/_lib/student/scratchpad";

type Ctx = { params: Promise<{ courseId: string; assignmentId: string; exerciseId: string }> };

export async function POST(req: Request, { params }: Ctx) {
  const { courseId, ...ref } = await params;
  return route(req, async () => {
    const { code, args } = await fieldsFromBody(req, "code", "args");
    return tryCode(db(), await studentContext(courseId), { ...ref, code, args });
  });
}
