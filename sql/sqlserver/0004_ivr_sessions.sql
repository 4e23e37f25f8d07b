-- IVR: every flow version that was ever activated (so a call runs to its end on the version it started on, even
-- after a restart or an edit), and the state of each call or SMS conversation in a flow.

CREATE TABLE ivr_flow_version (
    flow_id       nvarchar(100)  NOT NULL,
    version       nvarchar(32)  NOT NULL,
    file_name     nvarchar(260)  NOT NULL,
    content       nvarchar(max)  NOT NULL,
    activated_at  datetime2  NOT NULL,
    CONSTRAINT PK_ivr_flow_version PRIMARY KEY (flow_id, version)
);

-- session_key: the CallSid of a call, or "sms:<from>:<to>" for a text conversation. state is the engine's
-- session as JSON; turn is copied out of it for optimistic concurrency (a webhook that lost a race changes nothing).
CREATE TABLE ivr_session (
    session_key   nvarchar(128)  NOT NULL,
    kind          nvarchar(16)  NOT NULL,
    flow_id       nvarchar(100)  NOT NULL,
    flow_version  nvarchar(32)  NOT NULL,
    state         nvarchar(max)  NOT NULL,
    turn          integer  NOT NULL,
    ended         bit  NOT NULL,
    created_at    datetime2  NOT NULL,
    updated_at    datetime2  NOT NULL,
    CONSTRAINT PK_ivr_session PRIMARY KEY (session_key)
);
