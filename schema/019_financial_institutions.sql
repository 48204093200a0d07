-- 019_financial_institutions.sql -- the financial institutions (金融机构)
-- the operators keep, and their two kinds of users (issue 14, R-02.2,
-- R-02.3, X-AUD; lib/finance/fi.c).
--
-- fis existed since 002 as a bare name per region.  Each now has a kind,
-- its 14-character 金融机构编码 (JR/T 0124; the format is checked by
-- lib/finance/fi.c (fi_code_check) before it gets here; NULL for rows made before
-- this migration, unique when set) and a parent (head office -> city
-- branch -> sub-branch, in any region).
--
-- FI users keep role 'fi'; a manager (FI 管理员: keeps the products, opens
-- and closes the officers of its FI) is an 'fi' user with fi_manager = 1,
-- opened by the operators of the FI's region.  Officers (客户经理) are
-- opened by their FI's manager, with a department.  Contacts are sealed in
-- contact_enc like everyone's (015).
ALTER TABLE fis
  ADD COLUMN kind ENUM('bank','rural_credit','microcredit','guarantee','other')
    NOT NULL DEFAULT 'bank' AFTER name,
  ADD COLUMN code CHAR(14) NULL AFTER kind,
  ADD COLUMN parent_id BIGINT UNSIGNED NULL AFTER region_code,
  ADD COLUMN address VARCHAR(200) NOT NULL DEFAULT '' AFTER parent_id,
  ADD UNIQUE KEY fis_code (code),
  ADD KEY fis_parent (parent_id),
  ADD CONSTRAINT fis_parent_fk FOREIGN KEY (parent_id) REFERENCES fis (id);

ALTER TABLE users
  ADD COLUMN fi_manager TINYINT(1) NOT NULL DEFAULT 0
    COMMENT '1: the manager of its FI (role fi, org_kind fi)' AFTER org_name,
  ADD COLUMN department VARCHAR(50) NOT NULL DEFAULT ''
    COMMENT 'an FI officer''s department' AFTER fi_manager;
