-- AlterTable
ALTER TABLE "GradingResult" ADD COLUMN "hintId" TEXT;
ALTER TABLE "GradingResult" ADD COLUMN "hintMessage" TEXT;
ALTER TABLE "GradingResult" ADD COLUMN "errorLine" INTEGER;
ALTER TABLE "GradingResult" ADD COLUMN "errorColumn" INTEGER;
ALTER TABLE "GradingResult" ADD COLUMN "errorMessage" TEXT;
