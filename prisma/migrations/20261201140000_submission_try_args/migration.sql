-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "tryArgs" TEXT;
