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

-- Live status (PostgreSQL only; the web process polls SQLite): a submission whose status changes
-- NOTIFYs channel "gibbs_status" with its id when the transaction commits.

-- CreateFunction
CREATE FUNCTION "gibbs_status_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('gibbs_status', NEW."id");
  RETURN NULL;
END;
$$;

-- CreateTrigger
CREATE TRIGGER "Submission_status_notify" AFTER UPDATE OF "status" ON "Submission"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status") EXECUTE FUNCTION "gibbs_status_notify"();
