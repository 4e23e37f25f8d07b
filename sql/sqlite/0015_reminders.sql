-- Visit reminders and write-back: check-in, per-department visit settings (no-show grace, waitlist offer window),
-- reminder plans, the reminders scheduled for each appointment, and waitlist offers of freed places.

-- Set when the patient arrives; an appointment not checked in by its start plus the department's grace is a no-show.
ALTER TABLE appointment ADD checked_in_at TEXT NULL;

CREATE TABLE department_setting (
    department_id           TEXT     NOT NULL,
    no_show_grace_minutes   INTEGER  NOT NULL,
    waitlist_offer_minutes  INTEGER  NOT NULL,
    updated_at              TEXT     NOT NULL,
    CONSTRAINT PK_department_setting PRIMARY KEY (department_id),
    CONSTRAINT FK_department_setting_department FOREIGN KEY (department_id) REFERENCES department (id)
);

-- A department's reminder steps as JSON (offset before the visit, purpose, channel); none means the defaults.
CREATE TABLE reminder_plan (
    department_id  TEXT  NOT NULL,
    steps          TEXT  NOT NULL,
    updated_at     TEXT  NOT NULL,
    CONSTRAINT PK_reminder_plan PRIMARY KEY (department_id),
    CONSTRAINT FK_reminder_plan_department FOREIGN KEY (department_id) REFERENCES department (id)
);

-- One row per plan step of an appointment, written in the transaction that books, moves or cancels it.
CREATE TABLE appointment_reminder (
    id              TEXT     NOT NULL,
    appointment_id  TEXT     NOT NULL,
    patient_id      TEXT     NOT NULL,
    step_index      INTEGER  NOT NULL,
    purpose         TEXT     NOT NULL,
    channel         TEXT     NOT NULL,
    due_at          TEXT     NOT NULL,
    status          TEXT     NOT NULL,
    created_at      TEXT     NOT NULL,
    updated_at      TEXT     NOT NULL,
    CONSTRAINT PK_appointment_reminder PRIMARY KEY (id),
    CONSTRAINT FK_appointment_reminder_appointment FOREIGN KEY (appointment_id) REFERENCES appointment (id),
    CONSTRAINT FK_appointment_reminder_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_appointment_reminder_appointment_id ON appointment_reminder (appointment_id);
CREATE INDEX IX_appointment_reminder_status_due_at ON appointment_reminder (status, due_at);

-- A freed place offered by SMS to a waiting patient; the first to accept within the window books it.
CREATE TABLE waitlist_offer (
    id                 TEXT  NOT NULL,
    slot_id            TEXT  NOT NULL,
    patient_id         TEXT  NOT NULL,
    waitlist_entry_id  TEXT  NULL,
    pending_reply_id   TEXT  NULL,
    status             TEXT  NOT NULL,
    offered_at         TEXT  NOT NULL,
    expires_at         TEXT  NOT NULL,
    answered_at        TEXT  NULL,
    appointment_id     TEXT  NULL,
    CONSTRAINT PK_waitlist_offer PRIMARY KEY (id),
    CONSTRAINT FK_waitlist_offer_slot FOREIGN KEY (slot_id) REFERENCES slot (id),
    CONSTRAINT FK_waitlist_offer_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_waitlist_offer_slot_id_status ON waitlist_offer (slot_id, status);
CREATE INDEX IX_waitlist_offer_status_expires_at ON waitlist_offer (status, expires_at);
CREATE INDEX IX_waitlist_offer_pending_reply_id ON waitlist_offer (pending_reply_id);

CREATE INDEX IX_sms_pending_reply_appointment_id ON sms_pending_reply (appointment_id);
