-- Agents: one state per agent that routing, the desk and the wallboard all read, and its history.
-- Times are UTC, stored as ISO-8601 TEXT; IDs as TEXT; made by the application (Guid v7).

-- The agent's current state. since: when the state was entered (time in state). wrap_up_until: set only in
-- wrap-up. missed_offers: offers that rang out in a row. version: bumped on every transition, so of two
-- writers (routers in several hub processes) exactly one moves the agent.
-- state: offline, available, reserved, busy, wrap-up or break (reason says why).
CREATE TABLE agent_status (
    user_id        TEXT  NOT NULL,
    state          TEXT  NOT NULL,
    reason         TEXT  NULL,
    since          TEXT  NOT NULL,
    wrap_up_until  TEXT  NULL,
    missed_offers  INTEGER  NOT NULL,
    version        INTEGER  NOT NULL,
    updated_at     TEXT  NOT NULL,
    CONSTRAINT PK_agent_status PRIMARY KEY (user_id),
    CONSTRAINT FK_agent_status_app_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX IX_agent_status_state ON agent_status (state);

-- Every change of an agent's state, written in the same transaction as the change. version: the agent's
-- version after it, so one agent's changes keep their order even within the same instant.
CREATE TABLE agent_state_event (
    id           TEXT  NOT NULL,
    user_id      TEXT  NOT NULL,
    from_state   TEXT  NOT NULL,
    to_state     TEXT  NOT NULL,
    reason       TEXT  NULL,
    version      INTEGER  NOT NULL,
    occurred_at  TEXT  NOT NULL,
    CONSTRAINT PK_agent_state_event PRIMARY KEY (id),
    CONSTRAINT FK_agent_state_event_app_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE UNIQUE INDEX UQ_agent_state_event_user_version ON agent_state_event (user_id, version);
CREATE INDEX IX_agent_state_event_occurred_at ON agent_state_event (occurred_at);
