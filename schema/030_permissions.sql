-- 030_permissions.sql -- permissions within roles and the three
-- administrative roles (issue 16, R-02.3, R-04.2, X-SEC, 等保 level 3).
--
-- users.perms: what one account holds beyond its role.  Gov users view
-- credit information with 'credit.view' and import it with
-- 'credit.import' (only for the categories their agency is a source of,
-- agency_credit_sources).  A change form's 开设用户 line says which the
-- new user gets (agency_form_lines.perms).  Every gov user of today keeps
-- the access it had.
--
-- Roles: 'sysadmin' (系统管理员: staff accounts), 'secadmin' (安全管理员:
-- role -> permission assignments, security settings) beside today's
-- 'auditor' (审计管理员).  One role per account (one column), and a
-- trigger refuses turning an account that has signed in from one
-- administrative role into any other role, or any such account into an
-- administrative one: no account acts under two of the three.

ALTER TABLE users
  MODIFY role ENUM('enterprise','gov','fi','operator','supervisor','auditor',
    'sysadmin','secadmin') NOT NULL,
  ADD COLUMN perms SET('credit.view','credit.import') NOT NULL DEFAULT ''
    COMMENT 'permissions of this account within its role (gov)';

UPDATE users SET perms = 'credit.view,credit.import' WHERE role = 'gov';

-- (An account that never signed in may still be corrected: it has acted
-- under no role yet.)
CREATE TRIGGER users_role_bu BEFORE UPDATE ON users FOR EACH ROW
BEGIN
  IF NEW.role <> OLD.role AND OLD.last_login_at IS NOT NULL AND
     (OLD.role IN ('sysadmin','secadmin','auditor') OR
      NEW.role IN ('sysadmin','secadmin','auditor')) THEN
    SIGNAL SQLSTATE '45000'
      SET MESSAGE_TEXT = 'an administrative role is never combined or changed';
  END IF;
END;

ALTER TABLE agency_form_lines
  ADD COLUMN perms SET('credit.view','credit.import') NOT NULL DEFAULT ''
    COMMENT '开设用户: the permissions the new user gets' AFTER contact_enc;

-- The categories an agency is a source of (it may import only those).
CREATE TABLE agency_credit_sources (
  agency_id     BIGINT UNSIGNED NOT NULL,
  category_id   INT UNSIGNED NOT NULL,
  PRIMARY KEY (agency_id, category_id),
  CONSTRAINT agency_credit_sources_agency_fk FOREIGN KEY (agency_id) REFERENCES agencies (id),
  CONSTRAINT agency_credit_sources_cat_fk FOREIGN KEY (category_id) REFERENCES credit_categories (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every agency of today stays a source of what it could import.
INSERT INTO agency_credit_sources (agency_id, category_id)
  SELECT a.id, c.id FROM agencies a CROSS JOIN credit_categories c;

-- A category added later is offered to every agency, as before; the
-- agencies' operators take it away from those that are no source of it
-- (/agencies/{id}).  A new agency is a source of nothing until its
-- operators say so.
CREATE TRIGGER credit_categories_sources_ai AFTER INSERT ON credit_categories
  FOR EACH ROW
  INSERT IGNORE INTO agency_credit_sources (agency_id, category_id)
    SELECT id, NEW.id FROM agencies;

-- The security administrator's role -> permission assignments: a role's
-- users may use a permission only while their role holds it (and, for
-- the permissions users hold one by one, the user holds it too).
CREATE TABLE role_permissions (
  role          ENUM('enterprise','gov','fi','operator','supervisor','auditor',
                  'sysadmin','secadmin') NOT NULL,
  perm          VARCHAR(32)  NOT NULL,
  granted_by    BIGINT UNSIGNED NULL,
  granted_at    DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (role, perm)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO role_permissions (role, perm) VALUES
  ('gov', 'credit.view'), ('gov', 'credit.import'),
  ('operator', 'credit.view'), ('supervisor', 'credit.view');

-- Security settings kept by the security administrator; a row overrides
-- the configuration's value (Auth.*, Session.*) from the next request on.
CREATE TABLE security_settings (
  name          VARCHAR(40)  NOT NULL,
  value         INT UNSIGNED NOT NULL,
  set_by        BIGINT UNSIGNED NULL,
  set_at        DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
