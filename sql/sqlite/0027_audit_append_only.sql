-- The audit trail is append-only: the database itself refuses to change or remove an entry, whatever the
-- application (or someone with its connection string) sends. Retention, when it comes, archives by copying out.
CREATE TRIGGER TR_audit_entry_no_update BEFORE UPDATE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'audit_entry is append-only: entries cannot be changed');
END;

CREATE TRIGGER TR_audit_entry_no_delete BEFORE DELETE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'audit_entry is append-only: entries cannot be removed');
END;
