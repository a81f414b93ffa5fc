-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "kills" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "solo" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "killedAt" TIMESTAMP(3),
ADD COLUMN     "notBefore" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Submission_userId_killedAt_idx" ON "Submission"("userId", "killedAt");

-- AlterTable
ALTER TABLE "Exercise" ADD COLUMN     "loadError" TEXT,
ADD COLUMN     "loadErrorAt" TIMESTAMP(3);
