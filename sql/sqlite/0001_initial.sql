-- Foundation schema: patients, scheduling, interactions, accounts and audit.
-- Times are UTC, stored as ISO-8601 TEXT; IDs as TEXT; IDs are made by the application (Guid v7).

CREATE TABLE department (
    id          TEXT          NOT NULL,
    code        TEXT   NOT NULL,
    name        TEXT  NOT NULL,
    name_en     TEXT  NULL,
    created_at  TEXT   NOT NULL,
    CONSTRAINT PK_department PRIMARY KEY (id),
    CONSTRAINT UQ_department_code UNIQUE (code)
);

CREATE TABLE doctor (
    id             TEXT          NOT NULL,
    department_id  TEXT          NOT NULL,
    name           TEXT  NOT NULL,
    title          TEXT  NULL,
    created_at     TEXT   NOT NULL,
    CONSTRAINT PK_doctor PRIMARY KEY (id),
    CONSTRAINT FK_doctor_department FOREIGN KEY (department_id) REFERENCES department (id)
);
CREATE INDEX IX_doctor_department_id ON doctor (department_id);

CREATE TABLE app_user (
    id                  TEXT          NOT NULL,
    user_name           TEXT  NOT NULL,
    display_name        TEXT  NOT NULL,
    role                TEXT   NOT NULL,
    password_hash       TEXT  NOT NULL,
    failed_login_count  INTEGER       NOT NULL,
    lockout_end_at      TEXT   NULL,
    is_disabled         INTEGER       NOT NULL,
    created_at          TEXT   NOT NULL,
    last_login_at       TEXT   NULL,
    CONSTRAINT PK_app_user PRIMARY KEY (id),
    CONSTRAINT UQ_app_user_user_name UNIQUE (user_name)
);

CREATE TABLE patient (
    id                  TEXT          NOT NULL,
    full_name           TEXT  NOT NULL,
    search_name         TEXT  NOT NULL,
    gender              TEXT   NOT NULL,
    date_of_birth       TEXT          NULL,
    email               TEXT  NULL,
    preferred_language  TEXT   NOT NULL,
    time_zone           TEXT   NOT NULL,
    mrn                 TEXT   NULL,
    notes               TEXT          NULL,
    assigned_user_id    TEXT          NULL,
    created_at          TEXT   NOT NULL,
    updated_at          TEXT   NOT NULL,
    CONSTRAINT PK_patient PRIMARY KEY (id),
    CONSTRAINT FK_patient_assigned_user FOREIGN KEY (assigned_user_id) REFERENCES app_user (id)
);
CREATE UNIQUE INDEX UQ_patient_mrn ON patient (mrn) WHERE mrn IS NOT NULL;
CREATE INDEX IX_patient_search_name ON patient (search_name);

CREATE TABLE patient_phone (
    id          TEXT         NOT NULL,
    patient_id  TEXT         NOT NULL,
    e164        TEXT  NOT NULL,
    kind        TEXT  NOT NULL,
    is_primary  INTEGER      NOT NULL,
    CONSTRAINT PK_patient_phone PRIMARY KEY (id),
    CONSTRAINT FK_patient_phone_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT UQ_patient_phone_patient_e164 UNIQUE (patient_id, e164)
);
CREATE INDEX IX_patient_phone_e164 ON patient_phone (e164);

CREATE TABLE patient_tag (
    patient_id  TEXT         NOT NULL,
    tag         TEXT  NOT NULL,
    CONSTRAINT PK_patient_tag PRIMARY KEY (patient_id, tag),
    CONSTRAINT FK_patient_tag_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_patient_tag_tag ON patient_tag (tag);

-- Append-only: the current consent for a channel is its newest row.
CREATE TABLE patient_consent (
    id                   TEXT          NOT NULL,
    patient_id           TEXT          NOT NULL,
    channel              TEXT   NOT NULL,
    granted              INTEGER       NOT NULL,
    changed_at           TEXT   NOT NULL,
    method               TEXT   NOT NULL,
    recorded_by_user_id  TEXT          NULL,
    note                 TEXT  NULL,
    CONSTRAINT PK_patient_consent PRIMARY KEY (id),
    CONSTRAINT FK_patient_consent_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_patient_consent_patient_id ON patient_consent (patient_id, channel, changed_at);

CREATE TABLE slot (
    id            TEXT         NOT NULL,
    doctor_id     TEXT         NOT NULL,
    starts_at     TEXT  NOT NULL,
    ends_at       TEXT  NOT NULL,
    capacity      INTEGER      NOT NULL,
    booked_count  INTEGER      NOT NULL,
    created_at    TEXT  NOT NULL,
    CONSTRAINT PK_slot PRIMARY KEY (id),
    CONSTRAINT FK_slot_doctor FOREIGN KEY (doctor_id) REFERENCES doctor (id),
    CONSTRAINT UQ_slot_doctor_starts_at UNIQUE (doctor_id, starts_at),
    CONSTRAINT CK_slot_booked_count CHECK (booked_count >= 0 AND booked_count <= capacity)
);
CREATE INDEX IX_slot_starts_at ON slot (starts_at);

CREATE TABLE appointment (
    id             TEXT          NOT NULL,
    patient_id     TEXT          NOT NULL,
    slot_id        TEXT          NOT NULL,
    status         TEXT   NOT NULL,
    channel        TEXT   NOT NULL,
    reason         TEXT  NULL,
    booked_at      TEXT   NOT NULL,
    updated_at     TEXT   NOT NULL,
    cancel_reason  TEXT  NULL,
    CONSTRAINT PK_appointment PRIMARY KEY (id),
    CONSTRAINT FK_appointment_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT FK_appointment_slot FOREIGN KEY (slot_id) REFERENCES slot (id)
);
CREATE INDEX IX_appointment_patient_id ON appointment (patient_id);
CREATE INDEX IX_appointment_slot_id ON appointment (slot_id);

CREATE TABLE waitlist_entry (
    id          TEXT          NOT NULL,
    slot_id     TEXT          NOT NULL,
    patient_id  TEXT          NOT NULL,
    status      TEXT   NOT NULL,
    note        TEXT  NULL,
    created_at  TEXT   NOT NULL,
    CONSTRAINT PK_waitlist_entry PRIMARY KEY (id),
    CONSTRAINT FK_waitlist_entry_slot FOREIGN KEY (slot_id) REFERENCES slot (id),
    CONSTRAINT FK_waitlist_entry_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT UQ_waitlist_entry_slot_patient UNIQUE (slot_id, patient_id)
);

CREATE TABLE interaction (
    id           TEXT           NOT NULL,
    patient_id   TEXT           NULL,
    kind         TEXT    NOT NULL,
    direction    TEXT    NOT NULL,
    occurred_at  TEXT    NOT NULL,
    summary      TEXT  NULL,
    user_id      TEXT           NULL,
    external_id  TEXT    NULL,
    CONSTRAINT PK_interaction PRIMARY KEY (id),
    CONSTRAINT FK_interaction_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_interaction_patient_id_occurred_at ON interaction (patient_id, occurred_at);
CREATE INDEX IX_interaction_external_id ON interaction (external_id);

CREATE TABLE audit_entry (
    id           TEXT          NOT NULL,
    occurred_at  TEXT   NOT NULL,
    user_id      TEXT          NULL,
    user_name    TEXT  NULL,
    operation    TEXT  NOT NULL,
    patient_id   TEXT          NULL,
    outcome      TEXT   NOT NULL,
    detail       TEXT  NULL,
    CONSTRAINT PK_audit_entry PRIMARY KEY (id)
);
CREATE INDEX IX_audit_entry_patient_id ON audit_entry (patient_id, occurred_at);
CREATE INDEX IX_audit_entry_occurred_at ON audit_entry (occurred_at);
