-- Queues configured by admins: routing strategy, service-level threshold, maximum wait, overflow and wrap-up.
-- strategy: longest-idle, round-robin, fewest-calls or skills-proficiency.
-- overflow_kind: none, queue (overflow_queue names the target queue), voicemail or callback.
-- overflow_queue has no foreign key, as on SQLite (which cannot add one to an existing table): the application
-- refuses to delete a queue another queue overflows to, and checks the target exists.
ALTER TABLE call_queue ADD COLUMN strategy varchar(32) NOT NULL DEFAULT 'longest-idle';
ALTER TABLE call_queue ADD COLUMN service_level_seconds integer NOT NULL DEFAULT 20;
ALTER TABLE call_queue ADD COLUMN max_wait_seconds integer NOT NULL DEFAULT 600;
ALTER TABLE call_queue ADD COLUMN overflow_kind varchar(20) NOT NULL DEFAULT 'none';
ALTER TABLE call_queue ADD COLUMN overflow_queue varchar(64) NULL;
ALTER TABLE call_queue ADD COLUMN wrap_up_seconds integer NOT NULL DEFAULT 30;
ALTER TABLE call_queue ADD COLUMN updated_at timestamptz NULL;
