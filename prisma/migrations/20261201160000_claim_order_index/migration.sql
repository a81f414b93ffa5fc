-- The claim reads queued jobs by "priority" DESC, "submittedAt" ASC: an index in that order (no sort per claim)
DROP INDEX "Submission_status_priority_submittedAt_idx";

-- CreateIndex
CREATE INDEX "Submission_status_priority_submittedAt_idx" ON "Submission"("status", "priority" DESC, "submittedAt");
