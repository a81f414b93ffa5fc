-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "labReference" BOOLEAN NOT NULL DEFAULT false;
