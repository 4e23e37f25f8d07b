-- Calls and messages from the carrier (Twilio or its simulator), their status histories, and webhook dedupe.
-- Times are UTC (timestamptz); IDs are made by the application (Guid v7).

-- status_rank orders a call's statuses (queued < ringing < in-progress < final) so a late callback never
-- moves a call backwards: updates only ever raise it.
CREATE TABLE call (
    id                    uuid  NOT NULL,
    call_sid              varchar(64)  NOT NULL,
    account_sid           varchar(64)  NOT NULL,
    direction             varchar(32)  NOT NULL,
    from_number           varchar(64)  NOT NULL,
    to_number             varchar(64)  NOT NULL,
    patient_id            uuid  NULL,
    status                varchar(20)  NOT NULL,
    status_rank           integer  NOT NULL,
    last_sequence_number  integer  NULL,
    created_at            timestamptz  NOT NULL,
    updated_at            timestamptz  NOT NULL,
    answered_at           timestamptz  NULL,
    ended_at              timestamptz  NULL,
    duration_seconds      integer  NULL,
    CONSTRAINT PK_call PRIMARY KEY (id),
    CONSTRAINT UQ_call_call_sid UNIQUE (call_sid),
    CONSTRAINT FK_call_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_call_patient_id ON call (patient_id);

-- Every distinct status event of a call, in the order Twilio numbered them. The unique indexes are the
-- dedupe of redelivered callbacks: one event per sequence number, or per status and source without one.
CREATE TABLE call_event (
    id               uuid  NOT NULL,
    call_id          uuid  NOT NULL,
    status           varchar(20)  NOT NULL,
    sequence_number  integer  NULL,
    occurred_at      timestamptz  NOT NULL,
    received_at      timestamptz  NOT NULL,
    source           varchar(32)  NOT NULL,
    CONSTRAINT PK_call_event PRIMARY KEY (id),
    CONSTRAINT FK_call_event_call FOREIGN KEY (call_id) REFERENCES call (id)
);
CREATE UNIQUE INDEX UQ_call_event_call_sequence ON call_event (call_id, sequence_number) WHERE sequence_number IS NOT NULL;
CREATE UNIQUE INDEX UQ_call_event_call_status_source ON call_event (call_id, status, source) WHERE sequence_number IS NULL;

CREATE TABLE message (
    id            uuid  NOT NULL,
    message_sid   varchar(64)  NOT NULL,
    account_sid   varchar(64)  NOT NULL,
    direction     varchar(32)  NOT NULL,
    from_number   varchar(64)  NOT NULL,
    to_number     varchar(64)  NOT NULL,
    patient_id    uuid  NULL,
    body          varchar(1600)  NULL,
    num_segments  integer  NULL,
    status        varchar(20)  NOT NULL,
    status_rank   integer  NOT NULL,
    error_code    integer  NULL,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    CONSTRAINT PK_message PRIMARY KEY (id),
    CONSTRAINT UQ_message_message_sid UNIQUE (message_sid),
    CONSTRAINT FK_message_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_message_patient_id ON message (patient_id);

-- Twilio reports each status of a message once: a second row for the same status is a redelivery.
CREATE TABLE message_event (
    id           uuid  NOT NULL,
    message_id   uuid  NOT NULL,
    status       varchar(20)  NOT NULL,
    error_code   integer  NULL,
    received_at  timestamptz  NOT NULL,
    CONSTRAINT PK_message_event PRIMARY KEY (id),
    CONSTRAINT FK_message_event_message FOREIGN KEY (message_id) REFERENCES message (id),
    CONSTRAINT UQ_message_event_message_status UNIQUE (message_id, status)
);

-- I-Twilio-Idempotency-Token of every webhook that changed state: a retry with the same token is a no-op.
CREATE TABLE webhook_receipt (
    idempotency_token  varchar(128)  NOT NULL,
    received_at        timestamptz  NOT NULL,
    CONSTRAINT PK_webhook_receipt PRIMARY KEY (idempotency_token)
);
CREATE INDEX IX_webhook_receipt_received_at ON webhook_receipt (received_at);
