-- Wallboard alerts (docs/supervisors.md). wallboard_alert_level: the level each queue's watched figure (metric:
-- longest-wait, service-level, waiting) last stood at, so a restarted hub or a second hub node does not raise the same
-- crossing again: a node moves a level with a conditional update (WHERE level = the level it read) and only the node
-- whose update changed the row raises the alert. emailed_at / emailed_level: the last alert email for this queue and
-- metric, for the email rate limit (Wallboard:AlertEmailMinutes), claimed with a conditional update too.
CREATE TABLE wallboard_alert_level (
    queue_name     nvarchar(64)  NOT NULL,
    metric         nvarchar(20)  NOT NULL,
    level          nvarchar(20)  NOT NULL,
    changed_at     datetime2  NOT NULL,
    emailed_at     datetime2  NULL,
    emailed_level  nvarchar(20)  NULL,
    CONSTRAINT PK_wallboard_alert_level PRIMARY KEY (queue_name, metric)
);

-- Every crossing raised (history for GET /api/wallboard/alerts): up to warning or critical, or back to normal.
-- value: the figure when it crossed (seconds, percent or calls); threshold: the threshold crossed (NULL back to
-- normal). emailed: whether an email was written to the outbox for it.
CREATE TABLE wallboard_alert (
    id              uniqueidentifier  NOT NULL,
    queue_name      nvarchar(64)  NOT NULL,
    queue_display_name  nvarchar(200)  NOT NULL,
    metric          nvarchar(20)  NOT NULL,
    level           nvarchar(20)  NOT NULL,
    previous_level  nvarchar(20)  NOT NULL,
    value           float  NOT NULL,
    threshold       float  NULL,
    emailed         bit  NOT NULL,
    raised_at       datetime2  NOT NULL,
    CONSTRAINT PK_wallboard_alert PRIMARY KEY (id)
);
CREATE INDEX IX_wallboard_alert_raised_at ON wallboard_alert (raised_at);

-- Supervisor sign-outs (docs/supervisors.md): each sign-out of an account counts up generation; a token or cookie
-- carries the generation it was issued under, and one issued before the latest sign-out is refused.
CREATE TABLE account_session (
    user_id         uniqueidentifier  NOT NULL,
    generation      int  NOT NULL,
    signed_out_at   datetime2  NOT NULL,
    signed_out_by   uniqueidentifier  NOT NULL,
    CONSTRAINT PK_account_session PRIMARY KEY (user_id),
    CONSTRAINT FK_account_session_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
