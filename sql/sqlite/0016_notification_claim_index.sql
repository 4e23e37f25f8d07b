-- The dispatcher claims the oldest due rows a batch at a time. With 100,000 rows due at once, an index led by the
-- status made every claim sort all of them; this one, holding only the rows still to send, is walked in order and
-- left after one batch.
CREATE INDEX IX_notification_due ON notification (next_attempt_at, id) WHERE status IN ('pending', 'sending');

-- The dispatcher reads a claimed batch's facts (suppressions, consents, time zones, sent counts) and the carrier
-- statuses that raced it by joining on the batch's claim token: one statement per fact instead of one per row.
CREATE INDEX IX_notification_claim_token ON notification (claim_token) WHERE claim_token IS NOT NULL;
