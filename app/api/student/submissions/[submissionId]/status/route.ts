// GET: the status of one of the student's submissions (polled by the exercise page: queued → running → graded).
import { db } from "@/prisma/client";
import { route } from "@/app/_lib/adapters";
import { studentContextOfSubmission } from "@/app/_lib/context";
import { submissionStatus } from "@/app/_lib/student/submissions";

type Ctx = { params: Promise<{ submissionId: string }> };

export async function GET(req: Request, { params }: Ctx) {
  const { submissionId } = await params;
  return route(req, async () => submissionStatus(db(), await studentContextOfSubmission(submissionId), submissionId));
}
