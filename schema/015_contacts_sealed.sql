-- 015_contacts_sealed.sql -- gov users' and agencies' contact numbers at
-- rest (R-09.4, issue 12 item 16).
--
-- Sealed like enterprise mobiles (AES-256-GCM under Keys.data, hex of
-- IV|ct|tag, the column name as AAD) in the *_enc columns.  Nothing looks
-- a contact up by number, so there is no blind index.  The plain columns
-- stay only so that `duijie-admin migrate` can seal what older versions
-- wrote there: after this file it seals every non-empty plain value into
-- its *_enc column and empties the plain one (migrate.c), and the
-- application writes '' there.

ALTER TABLE users
  MODIFY contact VARCHAR(100) NOT NULL DEFAULT '' COMMENT 'legacy plain text, emptied by migrate',
  ADD COLUMN contact_enc VARBINARY(900) NULL AFTER contact;

ALTER TABLE agencies
  MODIFY net_contact VARCHAR(100) NOT NULL DEFAULT '' COMMENT 'legacy plain text, emptied by migrate',
  ADD COLUMN net_contact_enc VARBINARY(900) NULL AFTER net_contact;

ALTER TABLE agency_forms
  MODIFY net_contact VARCHAR(100) NOT NULL DEFAULT '' COMMENT 'legacy plain text, emptied by migrate',
  ADD COLUMN net_contact_enc VARBINARY(900) NULL AFTER net_contact;

ALTER TABLE agency_form_lines
  MODIFY contact VARCHAR(100) NOT NULL DEFAULT '' COMMENT 'legacy plain text, emptied by migrate',
  ADD COLUMN contact_enc VARBINARY(900) NULL AFTER contact;
