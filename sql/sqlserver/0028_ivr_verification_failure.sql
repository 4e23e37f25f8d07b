-- Failed IVR verifications (docs/security.md, "Verified callers in the IVR"), so a caller cannot guess a date of birth
-- by calling again and again, from one number or from many against one patient. One row per failure; subject is
-- 'number:' and the SHA-256 of the calling number (the number itself is not kept here) or 'patient:' and the patient
-- id. Counted over a window (Ivr:Verification) by every hub node, since they share the database.
CREATE TABLE ivr_verification_failure (
    id           uniqueidentifier  NOT NULL,
    subject      nvarchar(80)  NOT NULL,
    occurred_at  datetime2  NOT NULL,
    call_sid     nvarchar(80)  NOT NULL,
    CONSTRAINT PK_ivr_verification_failure PRIMARY KEY (id)
);
CREATE INDEX IX_ivr_verification_failure_subject ON ivr_verification_failure (subject, occurred_at);
