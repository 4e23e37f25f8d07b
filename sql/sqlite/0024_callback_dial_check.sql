-- Callbacks stuck mid-dial: a dial whose final status callback never came (the hub was down, the webhook failed)
-- would stay in flight for ever. The callback job's dial check asks the carrier for the call of every dial older than
-- Callbacks:DialCheckAfter and ends the attempt with the status the carrier reports (once: the end is conditional on
-- the attempt, as the webhook's). dial_checked_at: when the carrier last said the call was still going, so the next
-- check of that dial waits another DialCheckAfter; NULL until then (the dial's own updated_at counts).
ALTER TABLE callback_request ADD COLUMN dial_checked_at TEXT NULL;
