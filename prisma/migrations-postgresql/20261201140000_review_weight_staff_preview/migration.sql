-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "weight" DOUBLE PRECISION NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "staffPreview" BOOLEAN NOT NULL DEFAULT false;
