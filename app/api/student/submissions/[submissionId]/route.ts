// GET: one of the student's own submissions with its code and redacted result; any other id is 404.
import { db } from "@/prisma/client";
import { studentRoute } from "@/app/_lib/student/http";
import { submissionView } from "@/app/_lib/student/view";

type Ctx = { params: Promise<{ submissionId: string }> };

export async function GET(_req: Request, { params }: Ctx) {
  const { submissionId } = await params;
  return studentRoute((userId) => submissionView(db(), userId, submissionId));
}
