-- 043_sms_contact.sql -- an SMS code may also check the new mobile of an
-- enterprise user changing its contact person and mobile (issue 18,
-- /account/contact).
ALTER TABLE sms_codes
  MODIFY purpose ENUM('register','reset','contact') NOT NULL;
