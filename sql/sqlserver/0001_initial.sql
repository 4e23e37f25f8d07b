-- Foundation schema: patients, scheduling, interactions, accounts and audit.
-- Times are UTC (datetime2); IDs are made by the application (Guid v7).

CREATE TABLE department (
    id          uniqueidentifier          NOT NULL,
    code        nvarchar(32)   NOT NULL,
    name        nvarchar(200)  NOT NULL,
    name_en     nvarchar(200)  NULL,
    created_at  datetime2   NOT NULL,
    CONSTRAINT PK_department PRIMARY KEY (id),
    CONSTRAINT UQ_department_code UNIQUE (code)
);

CREATE TABLE doctor (
    id             uniqueidentifier          NOT NULL,
    department_id  uniqueidentifier          NOT NULL,
    name           nvarchar(200)  NOT NULL,
    title          nvarchar(100)  NULL,
    created_at     datetime2   NOT NULL,
    CONSTRAINT PK_doctor PRIMARY KEY (id),
    CONSTRAINT FK_doctor_department FOREIGN KEY (department_id) REFERENCES department (id)
);
CREATE INDEX IX_doctor_department_id ON doctor (department_id);

CREATE TABLE app_user (
    id                  uniqueidentifier          NOT NULL,
    user_name           nvarchar(100)  NOT NULL,
    display_name        nvarchar(200)  NOT NULL,
    role                nvarchar(20)   NOT NULL,
    password_hash       nvarchar(500)  NOT NULL,
    failed_login_count  int       NOT NULL,
    lockout_end_at      datetime2   NULL,
    is_disabled         bit       NOT NULL,
    created_at          datetime2   NOT NULL,
    last_login_at       datetime2   NULL,
    CONSTRAINT PK_app_user PRIMARY KEY (id),
    CONSTRAINT UQ_app_user_user_name UNIQUE (user_name)
);

CREATE TABLE patient (
    id                  uniqueidentifier          NOT NULL,
    full_name           nvarchar(200)  NOT NULL,
    search_name         nvarchar(200)  NOT NULL,
    gender              nvarchar(10)   NOT NULL,
    date_of_birth       date          NULL,
    email               nvarchar(320)  NULL,
    preferred_language  nvarchar(10)   NOT NULL,
    time_zone           nvarchar(64)   NOT NULL,
    mrn                 nvarchar(32)   NULL,
    notes               nvarchar(max)          NULL,
    assigned_user_id    uniqueidentifier          NULL,
    created_at          datetime2   NOT NULL,
    updated_at          datetime2   NOT NULL,
    CONSTRAINT PK_patient PRIMARY KEY (id),
    CONSTRAINT FK_patient_assigned_user FOREIGN KEY (assigned_user_id) REFERENCES app_user (id)
);
CREATE UNIQUE INDEX UQ_patient_mrn ON patient (mrn) WHERE mrn IS NOT NULL;
CREATE INDEX IX_patient_search_name ON patient (search_name);

CREATE TABLE patient_phone (
    id          uniqueidentifier         NOT NULL,
    patient_id  uniqueidentifier         NOT NULL,
    e164        nvarchar(20)  NOT NULL,
    kind        nvarchar(10)  NOT NULL,
    is_primary  bit      NOT NULL,
    CONSTRAINT PK_patient_phone PRIMARY KEY (id),
    CONSTRAINT FK_patient_phone_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT UQ_patient_phone_patient_e164 UNIQUE (patient_id, e164)
);
CREATE INDEX IX_patient_phone_e164 ON patient_phone (e164);

CREATE TABLE patient_tag (
    patient_id  uniqueidentifier         NOT NULL,
    tag         nvarchar(50)  NOT NULL,
    CONSTRAINT PK_patient_tag PRIMARY KEY (patient_id, tag),
    CONSTRAINT FK_patient_tag_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_patient_tag_tag ON patient_tag (tag);

-- Append-only: the current consent for a channel is its newest row.
CREATE TABLE patient_consent (
    id                   uniqueidentifier          NOT NULL,
    patient_id           uniqueidentifier          NOT NULL,
    channel              nvarchar(10)   NOT NULL,
    granted              bit       NOT NULL,
    changed_at           datetime2   NOT NULL,
    method               nvarchar(20)   NOT NULL,
    recorded_by_user_id  uniqueidentifier          NULL,
    note                 nvarchar(500)  NULL,
    CONSTRAINT PK_patient_consent PRIMARY KEY (id),
    CONSTRAINT FK_patient_consent_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_patient_consent_patient_id ON patient_consent (patient_id, channel, changed_at);

CREATE TABLE slot (
    id            uniqueidentifier         NOT NULL,
    doctor_id     uniqueidentifier         NOT NULL,
    starts_at     datetime2  NOT NULL,
    ends_at       datetime2  NOT NULL,
    capacity      int      NOT NULL,
    booked_count  int      NOT NULL,
    created_at    datetime2  NOT NULL,
    CONSTRAINT PK_slot PRIMARY KEY (id),
    CONSTRAINT FK_slot_doctor FOREIGN KEY (doctor_id) REFERENCES doctor (id),
    CONSTRAINT UQ_slot_doctor_starts_at UNIQUE (doctor_id, starts_at),
    CONSTRAINT CK_slot_booked_count CHECK (booked_count >= 0 AND booked_count <= capacity)
);
CREATE INDEX IX_slot_starts_at ON slot (starts_at);

CREATE TABLE appointment (
    id             uniqueidentifier          NOT NULL,
    patient_id     uniqueidentifier          NOT NULL,
    slot_id        uniqueidentifier          NOT NULL,
    status         nvarchar(20)   NOT NULL,
    channel        nvarchar(20)   NOT NULL,
    reason         nvarchar(500)  NULL,
    booked_at      datetime2   NOT NULL,
    updated_at     datetime2   NOT NULL,
    cancel_reason  nvarchar(500)  NULL,
    CONSTRAINT PK_appointment PRIMARY KEY (id),
    CONSTRAINT FK_appointment_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT FK_appointment_slot FOREIGN KEY (slot_id) REFERENCES slot (id)
);
CREATE INDEX IX_appointment_patient_id ON appointment (patient_id);
CREATE INDEX IX_appointment_slot_id ON appointment (slot_id);

CREATE TABLE waitlist_entry (
    id          uniqueidentifier          NOT NULL,
    slot_id     uniqueidentifier          NOT NULL,
    patient_id  uniqueidentifier          NOT NULL,
    status      nvarchar(20)   NOT NULL,
    note        nvarchar(500)  NULL,
    created_at  datetime2   NOT NULL,
    CONSTRAINT PK_waitlist_entry PRIMARY KEY (id),
    CONSTRAINT FK_waitlist_entry_slot FOREIGN KEY (slot_id) REFERENCES slot (id),
    CONSTRAINT FK_waitlist_entry_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT UQ_waitlist_entry_slot_patient UNIQUE (slot_id, patient_id)
);

CREATE TABLE interaction (
    id           uniqueidentifier           NOT NULL,
    patient_id   uniqueidentifier           NULL,
    kind         nvarchar(10)    NOT NULL,
    direction    nvarchar(10)    NOT NULL,
    occurred_at  datetime2    NOT NULL,
    summary      nvarchar(2000)  NULL,
    user_id      uniqueidentifier           NULL,
    external_id  nvarchar(64)    NULL,
    CONSTRAINT PK_interaction PRIMARY KEY (id),
    CONSTRAINT FK_interaction_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_interaction_patient_id_occurred_at ON interaction (patient_id, occurred_at);
CREATE INDEX IX_interaction_external_id ON interaction (external_id);

CREATE TABLE audit_entry (
    id           uniqueidentifier          NOT NULL,
    occurred_at  datetime2   NOT NULL,
    user_id      uniqueidentifier          NULL,
    user_name    nvarchar(100)  NULL,
    operation    nvarchar(100)  NOT NULL,
    patient_id   uniqueidentifier          NULL,
    outcome      nvarchar(20)   NOT NULL,
    detail       nvarchar(500)  NULL,
    CONSTRAINT PK_audit_entry PRIMARY KEY (id)
);
CREATE INDEX IX_audit_entry_patient_id ON audit_entry (patient_id, occurred_at);
CREATE INDEX IX_audit_entry_occurred_at ON audit_entry (occurred_at);
