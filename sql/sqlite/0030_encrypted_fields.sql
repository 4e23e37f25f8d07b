-- Fields encrypted at rest (docs/security.md). SQLite's TEXT columns have no width, so the longer encrypted text
-- needs no change here; the script exists so every engine has the same history. Rows written before encryption stay
-- readable (no marker) and are rewritten by the hub's --reencrypt-fields pass.
SELECT 1;
