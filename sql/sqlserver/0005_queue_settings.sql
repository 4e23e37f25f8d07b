-- Queues configured by admins: routing strategy, service-level threshold, maximum wait, overflow and wrap-up.
-- strategy: longest-idle, round-robin, fewest-calls or skills-proficiency.
-- overflow_kind: none, queue (overflow_queue names the target queue), voicemail or callback.
-- overflow_queue has no foreign key, as on SQLite (which cannot add one to an existing table): the application
-- refuses to delete a queue another queue overflows to, and checks the target exists.
-- Defaults are named constraints (DF_), so a later script can drop them; NOT NULL with a default fills existing rows.
ALTER TABLE call_queue ADD strategy nvarchar(32) NOT NULL CONSTRAINT DF_call_queue_strategy DEFAULT 'longest-idle';
ALTER TABLE call_queue ADD service_level_seconds int NOT NULL CONSTRAINT DF_call_queue_service_level_seconds DEFAULT 20;
ALTER TABLE call_queue ADD max_wait_seconds int NOT NULL CONSTRAINT DF_call_queue_max_wait_seconds DEFAULT 600;
ALTER TABLE call_queue ADD overflow_kind nvarchar(20) NOT NULL CONSTRAINT DF_call_queue_overflow_kind DEFAULT 'none';
ALTER TABLE call_queue ADD overflow_queue nvarchar(64) NULL;
ALTER TABLE call_queue ADD wrap_up_seconds int NOT NULL CONSTRAINT DF_call_queue_wrap_up_seconds DEFAULT 30;
ALTER TABLE call_queue ADD updated_at datetime2 NULL;
