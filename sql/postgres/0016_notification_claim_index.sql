-- The dispatcher reads a claimed batch's facts (suppressions, consents, time zones, sent counts) and the carrier
-- statuses that raced it by joining on the batch's claim token: one statement per fact instead of one per row.
CREATE INDEX IX_notification_claim_token ON notification (claim_token) WHERE claim_token IS NOT NULL;
