-- Foundation schema: patients, scheduling, interactions, accounts and audit.
-- Times are UTC (timestamptz); IDs are made by the application (Guid v7).

CREATE TABLE department (
    id          uuid          NOT NULL,
    code        varchar(32)   NOT NULL,
    name        varchar(200)  NOT NULL,
    name_en     varchar(200)  NULL,
    created_at  timestamptz   NOT NULL,
    CONSTRAINT PK_department PRIMARY KEY (id),
    CONSTRAINT UQ_department_code UNIQUE (code)
);

CREATE TABLE doctor (
    id             uuid          NOT NULL,
    department_id  uuid          NOT NULL,
    name           varchar(200)  NOT NULL,
    title          varchar(100)  NULL,
    created_at     timestamptz   NOT NULL,
    CONSTRAINT PK_doctor PRIMARY KEY (id),
    CONSTRAINT FK_doctor_department FOREIGN KEY (department_id) REFERENCES department (id)
);
CREATE INDEX IX_doctor_department_id ON doctor (department_id);

CREATE TABLE app_user (
    id                  uuid          NOT NULL,
    user_name           varchar(100)  NOT NULL,
    display_name        varchar(200)  NOT NULL,
    role                varchar(20)   NOT NULL,
    password_hash       varchar(500)  NOT NULL,
    failed_login_count  integer       NOT NULL,
    lockout_end_at      timestamptz   NULL,
    is_disabled         boolean       NOT NULL,
    created_at          timestamptz   NOT NULL,
    last_login_at       timestamptz   NULL,
    CONSTRAINT PK_app_user PRIMARY KEY (id),
    CONSTRAINT UQ_app_user_user_name UNIQUE (user_name)
);

CREATE TABLE patient (
    id                  uuid          NOT NULL,
    full_name           varchar(200)  NOT NULL,
    search_name         varchar(200)  NOT NULL,
    gender              varchar(10)   NOT NULL,
    date_of_birth       date          NULL,
    email               varchar(320)  NULL,
    preferred_language  varchar(10)   NOT NULL,
    time_zone           varchar(64)   NOT NULL,
    mrn                 varchar(32)   NULL,
    notes               text          NULL,
    assigned_user_id    uuid          NULL,
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    CONSTRAINT PK_patient PRIMARY KEY (id),
    CONSTRAINT FK_patient_assigned_user FOREIGN KEY (assigned_user_id) REFERENCES app_user (id)
);
CREATE UNIQUE INDEX UQ_patient_mrn ON patient (mrn) WHERE mrn IS NOT NULL;
CREATE INDEX IX_patient_search_name ON patient (search_name);

CREATE TABLE patient_phone (
    id          uuid         NOT NULL,
    patient_id  uuid         NOT NULL,
    e164        varchar(20)  NOT NULL,
    kind        varchar(10)  NOT NULL,
    is_primary  boolean      NOT NULL,
    CONSTRAINT PK_patient_phone PRIMARY KEY (id),
    CONSTRAINT FK_patient_phone_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT UQ_patient_phone_patient_e164 UNIQUE (patient_id, e164)
);
CREATE INDEX IX_patient_phone_e164 ON patient_phone (e164);

CREATE TABLE patient_tag (
    patient_id  uuid         NOT NULL,
    tag         varchar(50)  NOT NULL,
    CONSTRAINT PK_patient_tag PRIMARY KEY (patient_id, tag),
    CONSTRAINT FK_patient_tag_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_patient_tag_tag ON patient_tag (tag);

-- Append-only: the current consent for a channel is its newest row.
CREATE TABLE patient_consent (
    id                   uuid          NOT NULL,
    patient_id           uuid          NOT NULL,
    channel              varchar(10)   NOT NULL,
    granted              boolean       NOT NULL,
    changed_at           timestamptz   NOT NULL,
    method               varchar(20)   NOT NULL,
    recorded_by_user_id  uuid          NULL,
    note                 varchar(500)  NULL,
    CONSTRAINT PK_patient_consent PRIMARY KEY (id),
    CONSTRAINT FK_patient_consent_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_patient_consent_patient_id ON patient_consent (patient_id, channel, changed_at);

CREATE TABLE slot (
    id            uuid         NOT NULL,
    doctor_id     uuid         NOT NULL,
    starts_at     timestamptz  NOT NULL,
    ends_at       timestamptz  NOT NULL,
    capacity      integer      NOT NULL,
    booked_count  integer      NOT NULL,
    created_at    timestamptz  NOT NULL,
    CONSTRAINT PK_slot PRIMARY KEY (id),
    CONSTRAINT FK_slot_doctor FOREIGN KEY (doctor_id) REFERENCES doctor (id),
    CONSTRAINT UQ_slot_doctor_starts_at UNIQUE (doctor_id, starts_at),
    CONSTRAINT CK_slot_booked_count CHECK (booked_count >= 0 AND booked_count <= capacity)
);
CREATE INDEX IX_slot_starts_at ON slot (starts_at);

CREATE TABLE appointment (
    id             uuid          NOT NULL,
    patient_id     uuid          NOT NULL,
    slot_id        uuid          NOT NULL,
    status         varchar(20)   NOT NULL,
    channel        varchar(20)   NOT NULL,
    reason         varchar(500)  NULL,
    booked_at      timestamptz   NOT NULL,
    updated_at     timestamptz   NOT NULL,
    cancel_reason  varchar(500)  NULL,
    CONSTRAINT PK_appointment PRIMARY KEY (id),
    CONSTRAINT FK_appointment_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT FK_appointment_slot FOREIGN KEY (slot_id) REFERENCES slot (id)
);
CREATE INDEX IX_appointment_patient_id ON appointment (patient_id);
CREATE INDEX IX_appointment_slot_id ON appointment (slot_id);

CREATE TABLE waitlist_entry (
    id          uuid          NOT NULL,
    slot_id     uuid          NOT NULL,
    patient_id  uuid          NOT NULL,
    status      varchar(20)   NOT NULL,
    note        varchar(500)  NULL,
    created_at  timestamptz   NOT NULL,
    CONSTRAINT PK_waitlist_entry PRIMARY KEY (id),
    CONSTRAINT FK_waitlist_entry_slot FOREIGN KEY (slot_id) REFERENCES slot (id),
    CONSTRAINT FK_waitlist_entry_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT UQ_waitlist_entry_slot_patient UNIQUE (slot_id, patient_id)
);

CREATE TABLE interaction (
    id           uuid           NOT NULL,
    patient_id   uuid           NULL,
    kind         varchar(10)    NOT NULL,
    direction    varchar(10)    NOT NULL,
    occurred_at  timestamptz    NOT NULL,
    summary      varchar(2000)  NULL,
    user_id      uuid           NULL,
    external_id  varchar(64)    NULL,
    CONSTRAINT PK_interaction PRIMARY KEY (id),
    CONSTRAINT FK_interaction_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_interaction_patient_id_occurred_at ON interaction (patient_id, occurred_at);
CREATE INDEX IX_interaction_external_id ON interaction (external_id);

CREATE TABLE audit_entry (
    id           uuid          NOT NULL,
    occurred_at  timestamptz   NOT NULL,
    user_id      uuid          NULL,
    user_name    varchar(100)  NULL,
    operation    varchar(100)  NOT NULL,
    patient_id   uuid          NULL,
    outcome      varchar(20)   NOT NULL,
    detail       varchar(500)  NULL,
    CONSTRAINT PK_audit_entry PRIMARY KEY (id)
);
CREATE INDEX IX_audit_entry_patient_id ON audit_entry (patient_id, occurred_at);
CREATE INDEX IX_audit_entry_occurred_at ON audit_entry (occurred_at);
