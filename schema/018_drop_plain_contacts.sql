-- 018_drop_plain_contacts.sql -- the plain-text contact columns go
-- (R-09.4, issue 12 item 16 follow-up).
--
-- 015_contacts_sealed.sql kept them only so that `duijie-admin migrate`
-- could seal what older versions wrote there; migrate seals every
-- non-empty one into its *_enc column just before applying this file
-- (lib/db/migrate.c, MIG_DROP_PLAIN) and refuses without Keys when one is
-- left.  No code reads or writes them since 015: contacts live only in
-- users.contact_enc, agencies.net_contact_enc, agency_forms.net_contact_enc
-- and agency_form_lines.contact_enc.

ALTER TABLE users DROP COLUMN contact;
ALTER TABLE agencies DROP COLUMN net_contact;
ALTER TABLE agency_forms DROP COLUMN net_contact;
ALTER TABLE agency_form_lines DROP COLUMN contact;
