-- The audit trail is append-only: the database itself refuses to change or remove an entry, whatever the
-- application (or someone with its connection string) sends. (TRUNCATE TABLE needs ALTER permission, which the
-- hub's login should not have: docs/security.md.)
CREATE TRIGGER TR_audit_entry_append_only ON audit_entry INSTEAD OF UPDATE, DELETE
AS
BEGIN
    THROW 51000, 'audit_entry is append-only: entries cannot be changed or removed', 1;
END;
