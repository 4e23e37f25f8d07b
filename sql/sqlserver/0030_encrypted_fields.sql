-- Fields encrypted at rest (docs/security.md): the stored text is "enc:v1:<key id>:" and the base64 of nonce,
-- ciphertext and tag, about 4/3 of the UTF-8 bytes plus 50 characters: a 1,600-character Chinese SMS no longer fits
-- its old width. The lengths the hub accepts are checked on the plain text, before encryption.
ALTER TABLE message ALTER COLUMN body nvarchar(max) NULL;
ALTER TABLE call_wrap_up ALTER COLUMN notes nvarchar(max) NULL;
ALTER TABLE interaction ALTER COLUMN summary nvarchar(max) NULL;
