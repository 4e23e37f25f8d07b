-- Calls and messages from the carrier (Twilio or its simulator), their status histories, and webhook dedupe.
-- Times are UTC, stored as ISO-8601 TEXT; IDs as TEXT; made by the application (Guid v7).

-- status_rank orders a call's statuses (queued < ringing < in-progress < final) so a late callback never
-- moves a call backwards: updates only ever raise it.
CREATE TABLE call (
    id                    TEXT  NOT NULL,
    call_sid              TEXT  NOT NULL,
    account_sid           TEXT  NOT NULL,
    direction             TEXT  NOT NULL,
    from_number           TEXT  NOT NULL,
    to_number             TEXT  NOT NULL,
    patient_id            TEXT  NULL,
    status                TEXT  NOT NULL,
    status_rank           INTEGER  NOT NULL,
    last_sequence_number  INTEGER  NULL,
    created_at            TEXT  NOT NULL,
    updated_at            TEXT  NOT NULL,
    answered_at           TEXT  NULL,
    ended_at              TEXT  NULL,
    duration_seconds      INTEGER  NULL,
    CONSTRAINT PK_call PRIMARY KEY (id),
    CONSTRAINT UQ_call_call_sid UNIQUE (call_sid),
    CONSTRAINT FK_call_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_call_patient_id ON call (patient_id);

-- Every distinct status event of a call, in the order Twilio numbered them. The unique indexes are the
-- dedupe of redelivered callbacks: one event per sequence number, or per status and source without one.
CREATE TABLE call_event (
    id               TEXT  NOT NULL,
    call_id          TEXT  NOT NULL,
    status           TEXT  NOT NULL,
    sequence_number  INTEGER  NULL,
    occurred_at      TEXT  NOT NULL,
    received_at      TEXT  NOT NULL,
    source           TEXT  NOT NULL,
    CONSTRAINT PK_call_event PRIMARY KEY (id),
    CONSTRAINT FK_call_event_call FOREIGN KEY (call_id) REFERENCES call (id)
);
CREATE UNIQUE INDEX UQ_call_event_call_sequence ON call_event (call_id, sequence_number) WHERE sequence_number IS NOT NULL;
CREATE UNIQUE INDEX UQ_call_event_call_status_source ON call_event (call_id, status, source) WHERE sequence_number IS NULL;

CREATE TABLE message (
    id            TEXT  NOT NULL,
    message_sid   TEXT  NOT NULL,
    account_sid   TEXT  NOT NULL,
    direction     TEXT  NOT NULL,
    from_number   TEXT  NOT NULL,
    to_number     TEXT  NOT NULL,
    patient_id    TEXT  NULL,
    body          TEXT  NULL,
    num_segments  INTEGER  NULL,
    status        TEXT  NOT NULL,
    status_rank   INTEGER  NOT NULL,
    error_code    INTEGER  NULL,
    created_at    TEXT  NOT NULL,
    updated_at    TEXT  NOT NULL,
    CONSTRAINT PK_message PRIMARY KEY (id),
    CONSTRAINT UQ_message_message_sid UNIQUE (message_sid),
    CONSTRAINT FK_message_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_message_patient_id ON message (patient_id);

-- Twilio reports each status of a message once: a second row for the same status is a redelivery.
CREATE TABLE message_event (
    id           TEXT  NOT NULL,
    message_id   TEXT  NOT NULL,
    status       TEXT  NOT NULL,
    error_code   INTEGER  NULL,
    received_at  TEXT  NOT NULL,
    CONSTRAINT PK_message_event PRIMARY KEY (id),
    CONSTRAINT FK_message_event_message FOREIGN KEY (message_id) REFERENCES message (id),
    CONSTRAINT UQ_message_event_message_status UNIQUE (message_id, status)
);

-- I-Twilio-Idempotency-Token of every webhook that changed state: a retry with the same token is a no-op.
CREATE TABLE webhook_receipt (
    idempotency_token  TEXT  NOT NULL,
    received_at        TEXT  NOT NULL,
    CONSTRAINT PK_webhook_receipt PRIMARY KEY (idempotency_token)
);
CREATE INDEX IX_webhook_receipt_received_at ON webhook_receipt (received_at);
