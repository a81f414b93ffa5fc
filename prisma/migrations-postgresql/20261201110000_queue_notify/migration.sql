-- Wake-ups for idle grader workers (PostgreSQL only; SQLite workers back off instead).
-- A new or requeued job NOTIFYs channel "gibbs_queue" when its transaction commits;
-- identical notifications of one transaction are delivered once.

-- CreateFunction
CREATE FUNCTION "gibbs_queue_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('gibbs_queue', '');
  RETURN NULL;
END;
$$;

-- CreateTrigger
CREATE TRIGGER "Submission_queue_insert" AFTER INSERT ON "Submission"
  FOR EACH STATEMENT EXECUTE FUNCTION "gibbs_queue_notify"();

-- CreateTrigger
CREATE TRIGGER "Submission_queue_requeue" AFTER UPDATE OF "status" ON "Submission"
  FOR EACH ROW WHEN (NEW."status" = 'queued' AND OLD."status" IS DISTINCT FROM 'queued') EXECUTE FUNCTION "gibbs_queue_notify"();

-- CreateTrigger
CREATE TRIGGER "RegradeItem_queue_insert" AFTER INSERT ON "RegradeItem"
  FOR EACH STATEMENT EXECUTE FUNCTION "gibbs_queue_notify"();

-- CreateTrigger
CREATE TRIGGER "RegradeItem_queue_requeue" AFTER UPDATE OF "status" ON "RegradeItem"
  FOR EACH ROW WHEN (NEW."status" = 'queued' AND OLD."status" IS DISTINCT FROM 'queued') EXECUTE FUNCTION "gibbs_queue_notify"();
