-- 010_users_org_name.sql -- each user's organisation name kept on the
-- user row.
--
-- Every signed-in request reads its session and user in one statement
-- (lib/session.c).  Finding the organisation's name took four LEFT JOINs
-- (enterprises, agencies, fis, offices: one of them by org_kind), and
-- MariaDB opens, locks and plans all seven tables on every execution:
-- ~95 us a request against ~55 us for sessions, users and regions alone
-- (measured with prepared statements on the bench machine).
--
-- Triggers keep the copy exact, in the transaction that changes a name or
-- a user's organisation, whoever writes it (the application, imports,
-- operators' SQL).  Their definer's rights do the writing: the workers'
-- account needs no new grant.

ALTER TABLE users
  ADD COLUMN org_name VARCHAR(100) NOT NULL DEFAULT ''
    COMMENT 'the organisation''s name, kept by triggers' AFTER org_id;

UPDATE users u
  LEFT JOIN enterprises e ON u.org_kind = 'enterprise' AND e.id = u.org_id
  LEFT JOIN agencies a ON u.org_kind = 'agency' AND a.id = u.org_id
  LEFT JOIN fis f ON u.org_kind = 'fi' AND f.id = u.org_id
  LEFT JOIN offices o ON u.org_kind = 'office' AND o.id = u.org_id
  SET u.org_name = COALESCE(e.name, a.name, f.name, o.name, '');

CREATE TRIGGER users_org_name_bi BEFORE INSERT ON users FOR EACH ROW
  SET NEW.org_name = COALESCE(CASE NEW.org_kind
    WHEN 'enterprise' THEN (SELECT name FROM enterprises WHERE id = NEW.org_id)
    WHEN 'agency' THEN (SELECT name FROM agencies WHERE id = NEW.org_id)
    WHEN 'fi' THEN (SELECT name FROM fis WHERE id = NEW.org_id)
    WHEN 'office' THEN (SELECT name FROM offices WHERE id = NEW.org_id)
  END, '');

CREATE TRIGGER users_org_name_bu BEFORE UPDATE ON users FOR EACH ROW
BEGIN
  IF NEW.org_kind <> OLD.org_kind OR NEW.org_id <> OLD.org_id THEN
    SET NEW.org_name = COALESCE(CASE NEW.org_kind
      WHEN 'enterprise' THEN (SELECT name FROM enterprises WHERE id = NEW.org_id)
      WHEN 'agency' THEN (SELECT name FROM agencies WHERE id = NEW.org_id)
      WHEN 'fi' THEN (SELECT name FROM fis WHERE id = NEW.org_id)
      WHEN 'office' THEN (SELECT name FROM offices WHERE id = NEW.org_id)
    END, '');
  END IF;
END;

CREATE TRIGGER enterprises_users_org_name_au AFTER UPDATE ON enterprises FOR EACH ROW
BEGIN
  IF NEW.name <> OLD.name THEN
    UPDATE users SET org_name = NEW.name
      WHERE org_kind = 'enterprise' AND org_id = NEW.id;
  END IF;
END;

CREATE TRIGGER agencies_users_org_name_au AFTER UPDATE ON agencies FOR EACH ROW
BEGIN
  IF NEW.name <> OLD.name THEN
    UPDATE users SET org_name = NEW.name
      WHERE org_kind = 'agency' AND org_id = NEW.id;
  END IF;
END;

CREATE TRIGGER fis_users_org_name_au AFTER UPDATE ON fis FOR EACH ROW
BEGIN
  IF NEW.name <> OLD.name THEN
    UPDATE users SET org_name = NEW.name
      WHERE org_kind = 'fi' AND org_id = NEW.id;
  END IF;
END;

CREATE TRIGGER offices_users_org_name_au AFTER UPDATE ON offices FOR EACH ROW
BEGIN
  IF NEW.name <> OLD.name THEN
    UPDATE users SET org_name = NEW.name
      WHERE org_kind = 'office' AND org_id = NEW.id;
  END IF;
END;
