-- 046_office_hours.sql -- the operator offices' public contact facts,
-- kept as data by the operators (issue 17 "Front pages", R-02.2): the
-- address and phone of 001 plus the office hours, and who changed them
-- last.  An operator edits their own city's office on the intranet
-- (/offices/{id}/edit; the province's operators every office), each
-- change one transaction with its audit row (office.edit); the internet
-- front page and /offices show them, "not yet published" while empty.
ALTER TABLE offices
  ADD COLUMN hours VARCHAR(100) NOT NULL DEFAULT ''
    COMMENT 'office hours as shown to the public, e.g. 工作日 8:30-12:00' AFTER phone,
  ADD COLUMN updated_by BIGINT UNSIGNED NULL
    COMMENT 'the operator who last changed address, phone or hours' AFTER updated_at,
  ADD CONSTRAINT offices_updated_by_fk FOREIGN KEY (updated_by) REFERENCES users (id);
