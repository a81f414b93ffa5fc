-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "kills" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Submission" ADD COLUMN "solo" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Submission" ADD COLUMN "killedAt" DATETIME;
ALTER TABLE "Submission" ADD COLUMN "notBefore" DATETIME;

-- CreateIndex
CREATE INDEX "Submission_userId_killedAt_idx" ON "Submission"("userId", "killedAt");

-- AlterTable
ALTER TABLE "Exercise" ADD COLUMN "loadError" TEXT;
ALTER TABLE "Exercise" ADD COLUMN "loadErrorAt" DATETIME;
