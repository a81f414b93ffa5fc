-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "weight" REAL NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "staffPreview" BOOLEAN NOT NULL DEFAULT false;
