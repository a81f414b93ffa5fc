// GET: server-sent events with the status of one of the student's submissions (queued with its
// position → running → graded), until it is graded; the exercise page polls …/status if this breaks.
import { db } from "@/prisma/client";
import { route } from "@/app/_lib/adapters";
import { studentContextOfSubmission } from "@/app/_lib/context";
import { statusEventStream, statusFeed } from "@/app/_lib/student/statusFeed";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ submissionId: string }> };

export async function GET(req: Request, { params }: Ctx) {
  const { submissionId } = await params;
  return route(req, async () => {
    await studentContextOfSubmission(submissionId);
    return statusEventStream(statusFeed(db()), submissionId, req.signal);
  });
}
