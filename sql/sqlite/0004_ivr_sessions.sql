-- IVR: every flow version that was ever activated (so a call runs to its end on the version it started on, even
-- after a restart or an edit), and the state of each call or SMS conversation in a flow.

CREATE TABLE ivr_flow_version (
    flow_id       TEXT  NOT NULL,
    version       TEXT  NOT NULL,
    file_name     TEXT  NOT NULL,
    content       TEXT  NOT NULL,
    activated_at  TEXT  NOT NULL,
    CONSTRAINT PK_ivr_flow_version PRIMARY KEY (flow_id, version)
);

-- session_key: the CallSid of a call, or "sms:<from>:<to>" for a text conversation. state is the engine's
-- session as JSON; turn is copied out of it for optimistic concurrency (a webhook that lost a race changes nothing).
CREATE TABLE ivr_session (
    session_key   TEXT  NOT NULL,
    kind          TEXT  NOT NULL,
    flow_id       TEXT  NOT NULL,
    flow_version  TEXT  NOT NULL,
    state         TEXT  NOT NULL,
    turn          INTEGER  NOT NULL,
    ended         INTEGER  NOT NULL,
    created_at    TEXT  NOT NULL,
    updated_at    TEXT  NOT NULL,
    CONSTRAINT PK_ivr_session PRIMARY KEY (session_key)
);
