-- IVR: every flow version that was ever activated (so a call runs to its end on the version it started on, even
-- after a restart or an edit), and the state of each call or SMS conversation in a flow.

CREATE TABLE ivr_flow_version (
    flow_id       varchar(100)  NOT NULL,
    version       varchar(32)  NOT NULL,
    file_name     varchar(260)  NOT NULL,
    content       text  NOT NULL,
    activated_at  timestamptz  NOT NULL,
    CONSTRAINT PK_ivr_flow_version PRIMARY KEY (flow_id, version)
);

-- session_key: the CallSid of a call, or "sms:<from>:<to>" for a text conversation. state is the engine's
-- session as JSON; turn is copied out of it for optimistic concurrency (a webhook that lost a race changes nothing).
CREATE TABLE ivr_session (
    session_key   varchar(128)  NOT NULL,
    kind          varchar(16)  NOT NULL,
    flow_id       varchar(100)  NOT NULL,
    flow_version  varchar(32)  NOT NULL,
    state         text  NOT NULL,
    turn          integer  NOT NULL,
    ended         boolean  NOT NULL,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    CONSTRAINT PK_ivr_session PRIMARY KEY (session_key)
);
