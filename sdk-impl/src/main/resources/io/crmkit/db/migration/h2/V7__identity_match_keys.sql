-- Match keys of identities for duplicate detection (issue 6): the value as the duplicate rules compare it
-- (io.crmkit.impl.identity.MatchKeys), written by every insert of an identity and carried to and from the trash.
-- Existing rows get their keys from the Java migration 7.1 that follows, since the email and phone rules need
-- Java (provider rules, libphonenumber). The column stays nullable: a row written by another program without a
-- key is never a duplicate candidate; the SDK always writes one. Keys are at most twice the value's length.
ALTER TABLE ${prefix}identity ADD COLUMN match_key VARCHAR(1020);
ALTER TABLE ${prefix}trash_identity ADD COLUMN match_key VARCHAR(1020);
CREATE INDEX ${prefix}identity_match ON ${prefix}identity (tenant_id, id_type, match_key);
