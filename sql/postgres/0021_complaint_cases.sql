-- Complaint and dispute cases (投诉管理): a case per complaint with its severity's first-response and resolution due
-- times, the history of notes and changes, and the calls and messages linked to it. origin_key makes opening
-- idempotent (a redelivered recording webhook or a repeated wrap-up opens no second case).

CREATE TABLE complaint_case (
    id                           uuid  NOT NULL,
    patient_id                   uuid  NULL,
    caller_number                varchar(64)  NULL,
    department_id                uuid  NULL,
    category                     varchar(40)  NOT NULL,
    severity                     varchar(20)  NOT NULL,
    description                  text  NOT NULL,
    status                       varchar(20)  NOT NULL,
    owner_id                     uuid  NULL,
    source                       varchar(20)  NOT NULL,
    origin_key                   varchar(200)  NULL,
    first_response_due_at        timestamptz  NOT NULL,
    resolution_due_at            timestamptz  NOT NULL,
    first_responded_at           timestamptz  NULL,
    resolved_at                  timestamptz  NULL,
    closed_at                    timestamptz  NULL,
    first_response_escalated_at  timestamptz  NULL,
    resolution_escalated_at      timestamptz  NULL,
    created_by                   uuid  NOT NULL,
    created_at                   timestamptz  NOT NULL,
    updated_at                   timestamptz  NOT NULL,
    CONSTRAINT PK_complaint_case PRIMARY KEY (id),
    CONSTRAINT FK_complaint_case_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT FK_complaint_case_department FOREIGN KEY (department_id) REFERENCES department (id),
    CONSTRAINT FK_complaint_case_owner FOREIGN KEY (owner_id) REFERENCES app_user (id),
    CONSTRAINT CK_complaint_case_status CHECK (status IN ('open', 'investigating', 'resolved', 'closed')),
    CONSTRAINT CK_complaint_case_severity CHECK (severity IN ('low', 'medium', 'high', 'critical'))
);
CREATE UNIQUE INDEX UQ_complaint_case_origin_key ON complaint_case (origin_key) WHERE origin_key IS NOT NULL;
CREATE INDEX IX_complaint_case_status_created_at ON complaint_case (status, created_at);
CREATE INDEX IX_complaint_case_patient_id ON complaint_case (patient_id);

-- What happened to a case, in order (sequence_number counts from 1 per case): opened, notes, status changes, owner
-- changes, links, escalations. author_id is the account (Guid.Empty for the hub itself).
CREATE TABLE complaint_case_note (
    id          uuid  NOT NULL,
    case_id     uuid  NOT NULL,
    sequence_number    integer  NOT NULL,
    kind        varchar(20)  NOT NULL,
    body        text  NOT NULL,
    author_id   uuid  NOT NULL,
    author_name varchar(100)  NOT NULL,
    created_at  timestamptz  NOT NULL,
    CONSTRAINT PK_complaint_case_note PRIMARY KEY (id),
    CONSTRAINT FK_complaint_case_note_case FOREIGN KEY (case_id) REFERENCES complaint_case (id)
);
CREATE INDEX IX_complaint_case_note_case_id_sequence_number ON complaint_case_note (case_id, sequence_number);

-- Calls (CallSid) and messages (MessageSid) about the case.
CREATE TABLE complaint_case_link (
    case_id     uuid  NOT NULL,
    kind        varchar(20)  NOT NULL,
    sid         varchar(64)  NOT NULL,
    created_at  timestamptz  NOT NULL,
    CONSTRAINT PK_complaint_case_link PRIMARY KEY (case_id, kind, sid),
    CONSTRAINT FK_complaint_case_link_case FOREIGN KEY (case_id) REFERENCES complaint_case (id)
);
