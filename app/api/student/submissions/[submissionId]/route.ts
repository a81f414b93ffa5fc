// GET: one of the student's own submissions with its code and redacted result; any other id is 404.
import { db } from "@/prisma/client";
import { route } from "@/app/_lib/adapters";
import { studentContextOfSubmission } from "@/app/_lib/context";
import { submissionView } from "@/app/_lib/student/view";

type Ctx = { params: Promise<{ submissionId: string }> };

export async function GET(req: Request, { params }: Ctx) {
  const { submissionId } = await params;
  return route(req, async () => submissionView(db(), await studentContextOfSubmission(submissionId), submissionId));
}
