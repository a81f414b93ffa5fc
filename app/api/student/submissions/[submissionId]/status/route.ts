// GET: the status of one of the student's submissions (polled by the exercise page: queued → running → graded).
import { db } from "@/prisma/client";
import { studentRoute } from "@/app/_lib/student/http";
import { submissionStatus } from "@/app/_lib/student/submissions";

type Ctx = { params: Promise<{ submissionId: string }> };

export async function GET(_req: Request, { params }: Ctx) {
  const { submissionId } = await params;
  return studentRoute((userId) => submissionStatus(db(), userId, submissionId));
}
