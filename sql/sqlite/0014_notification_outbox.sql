-- The notification outbox (issue 12): every outbound message is a row first, written in the same transaction as
-- the change that causes it; a dispatcher claims due rows with a conditional update and records what the carrier
-- said. Times are UTC. status moves pending -> sending -> queued -> sent -> delivered | undelivered | failed, or ends
-- as suppressed, expired, cancelled; status_rank orders the carrier's part so a late callback never moves a row back.
-- While a row is 'sending', next_attempt_at is the end of its lease: a row whose lease ran out is claimed again, and
-- check_carrier says the carrier must be asked whether it already has the message before it is sent again.
CREATE TABLE notification (
    id                TEXT  NOT NULL,
    patient_id        TEXT  NULL,
    channel           TEXT  NOT NULL,
    purpose           TEXT  NOT NULL,
    template_key      TEXT  NULL,
    language          TEXT  NOT NULL,
    subject           TEXT  NULL,
    body              TEXT  NOT NULL,
    recipient         TEXT  NOT NULL,
    correlation       TEXT  NULL,
    urgent            INTEGER  NOT NULL,
    status            TEXT  NOT NULL,
    status_rank       INTEGER  NOT NULL,
    due_at            TEXT  NOT NULL,
    expires_at        TEXT  NULL,
    next_attempt_at   TEXT  NOT NULL,
    attempts          INTEGER  NOT NULL,
    claim_token       TEXT  NULL,
    check_carrier     INTEGER  NOT NULL,
    first_attempt_at  TEXT  NULL,
    carrier_id        TEXT  NULL,
    error             TEXT  NULL,
    created_at        TEXT  NOT NULL,
    updated_at        TEXT  NOT NULL,
    sent_at           TEXT  NULL,
    CONSTRAINT PK_notification PRIMARY KEY (id),
    CONSTRAINT FK_notification_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_notification_status_next_attempt ON notification (status, next_attempt_at);
CREATE INDEX IX_notification_patient_sent ON notification (patient_id, sent_at);
CREATE INDEX IX_notification_correlation ON notification (correlation);
CREATE INDEX IX_notification_created ON notification (created_at);
CREATE UNIQUE INDEX UQ_notification_carrier_id ON notification (carrier_id) WHERE carrier_id IS NOT NULL;

-- Message texts per purpose, channel and language, {{variable}} holes; admins edit them. Seeded with defaults.
CREATE TABLE notification_template (
    purpose             TEXT  NOT NULL,
    channel             TEXT  NOT NULL,
    language            TEXT  NOT NULL,
    subject             TEXT  NULL,
    body                TEXT  NOT NULL,
    updated_at          TEXT  NOT NULL,
    updated_by_user_id  TEXT  NULL,
    CONSTRAINT PK_notification_template PRIMARY KEY (purpose, channel, language)
);
INSERT INTO notification_template (purpose, channel, language, subject, body, updated_at, updated_by_user_id) VALUES ('appointment-confirmation', 'sms', 'zh-CN', NULL, '{{hospitalName}}：{{patientName}}您好，您预约了{{appointmentTime}}{{department}}{{doctorName}}医生的门诊。回复1确认，回复2取消。', '2026-01-01 00:00:00', NULL);
INSERT INTO notification_template (purpose, channel, language, subject, body, updated_at, updated_by_user_id) VALUES ('appointment-confirmation', 'sms', 'en-US', NULL, '{{hospitalName}}: Hello {{patientName}}, you have an appointment with Dr {{doctorName}} ({{department}}) at {{appointmentTime}}. Reply 1 to confirm, 2 to cancel.', '2026-01-01 00:00:00', NULL);
INSERT INTO notification_template (purpose, channel, language, subject, body, updated_at, updated_by_user_id) VALUES ('appointment-reminder', 'sms', 'zh-CN', NULL, '{{hospitalName}}提醒：{{patientName}}您好，您明天{{appointmentTime}}在{{department}}就诊（{{doctorName}}医生），请按时到达。', '2026-01-01 00:00:00', NULL);
INSERT INTO notification_template (purpose, channel, language, subject, body, updated_at, updated_by_user_id) VALUES ('appointment-reminder', 'sms', 'en-US', NULL, '{{hospitalName}} reminder: {{patientName}}, your visit to {{department}} (Dr {{doctorName}}) is at {{appointmentTime}}. Please arrive on time.', '2026-01-01 00:00:00', NULL);
INSERT INTO notification_template (purpose, channel, language, subject, body, updated_at, updated_by_user_id) VALUES ('appointment-reminder', 'email', 'zh-CN', '{{hospitalName}}就诊提醒', replace('{{patientName}}您好：\n\n您在{{appointmentTime}}有{{department}}{{doctorName}}医生的门诊，请按时到达。\n\n{{hospitalName}}', '\n', char(10)), '2026-01-01 00:00:00', NULL);
INSERT INTO notification_template (purpose, channel, language, subject, body, updated_at, updated_by_user_id) VALUES ('appointment-reminder', 'email', 'en-US', '{{hospitalName}}: your visit at {{appointmentTime}}', replace('Hello {{patientName}},\n\nYour visit to {{department}} (Dr {{doctorName}}) is at {{appointmentTime}}. Please arrive on time.\n\n{{hospitalName}}', '\n', char(10)), '2026-01-01 00:00:00', NULL);
INSERT INTO notification_template (purpose, channel, language, subject, body, updated_at, updated_by_user_id) VALUES ('waitlist-offer', 'sms', 'zh-CN', NULL, '{{hospitalName}}：{{appointmentTime}}{{department}}{{doctorName}}医生有空余号源，{{offerMinutes}}分钟内回复1即可预约。', '2026-01-01 00:00:00', NULL);
INSERT INTO notification_template (purpose, channel, language, subject, body, updated_at, updated_by_user_id) VALUES ('waitlist-offer', 'sms', 'en-US', NULL, '{{hospitalName}}: a place with Dr {{doctorName}} ({{department}}) at {{appointmentTime}} is free. Reply 1 within {{offerMinutes}} minutes to take it.', '2026-01-01 00:00:00', NULL);
INSERT INTO notification_template (purpose, channel, language, subject, body, updated_at, updated_by_user_id) VALUES ('no-show', 'sms', 'zh-CN', NULL, '{{hospitalName}}：{{patientName}}您好，您未能参加{{appointmentTime}}的{{department}}门诊。如需改约请回复或致电{{hospitalPhone}}。', '2026-01-01 00:00:00', NULL);
INSERT INTO notification_template (purpose, channel, language, subject, body, updated_at, updated_by_user_id) VALUES ('no-show', 'sms', 'en-US', NULL, '{{hospitalName}}: {{patientName}}, we missed you at {{department}} at {{appointmentTime}}. Reply or call {{hospitalPhone}} to book again.', '2026-01-01 00:00:00', NULL);
INSERT INTO notification_template (purpose, channel, language, subject, body, updated_at, updated_by_user_id) VALUES ('survey', 'sms', 'zh-CN', NULL, '{{hospitalName}}：{{surveyQuestion}}', '2026-01-01 00:00:00', NULL);
INSERT INTO notification_template (purpose, channel, language, subject, body, updated_at, updated_by_user_id) VALUES ('survey', 'sms', 'en-US', NULL, '{{hospitalName}}: {{surveyQuestion}}', '2026-01-01 00:00:00', NULL);
INSERT INTO notification_template (purpose, channel, language, subject, body, updated_at, updated_by_user_id) VALUES ('ops-report', 'email', 'zh-CN', '{{hospitalName}}运营日报 {{reportDate}}', replace('{{reportDate}}运营日报：\n\n{{summary}}', '\n', char(10)), '2026-01-01 00:00:00', NULL);
INSERT INTO notification_template (purpose, channel, language, subject, body, updated_at, updated_by_user_id) VALUES ('ops-report', 'email', 'en-US', '{{hospitalName}} operations report {{reportDate}}', replace('Operations report for {{reportDate}}:\n\n{{summary}}', '\n', char(10)), '2026-01-01 00:00:00', NULL);

-- Addresses nothing may be sent to on a channel: a STOP texted from the number (whether or not it belongs to a
-- patient) or the carrier's 21610 (recipient unsubscribed). START removes the row.
CREATE TABLE recipient_suppression (
    channel     TEXT  NOT NULL,
    address     TEXT  NOT NULL,
    reason      TEXT  NOT NULL,
    created_at  TEXT  NOT NULL,
    CONSTRAINT PK_recipient_suppression PRIMARY KEY (channel, address)
);

-- Consent per purpose: NULL is the whole channel (as before); a row with a purpose (appointment-reminder, survey,
-- ...) gives or withdraws that purpose alone. The newest row of the channel's or the purpose's wins.
ALTER TABLE patient_consent ADD purpose TEXT NULL;
