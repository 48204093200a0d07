-- 023_loans.sql -- the enterprises' loan applications (信贷申请) and their
-- timeline (issue 14 "Loan applications", "Matching and take-up",
-- R-08.2a, R-08.2b, R-06.3, R-03.1, R-02.2, X-AUD; lib/finance/loan.c).
--
-- An application belongs to one enterprise and carries its region
-- (region_code, copied at creation: the scope of the operators and of the
-- FIs serving that region).  product_id NULL: open to the banks of the
-- region; else addressed to that product's FI (fi_id set from it).  Once
-- an FI takes it up, fi_id is that FI and officer_id its user handling it
-- (a manager may assign another officer of the FI); a release clears both
-- and opens it again.  Amounts in 万元, terms in months, the approved rate
-- in hundredths of a percent (435 = 4.35%), as products.
--
-- status follows loan_machine (lib/finance/loan.c); version counts every
-- change, so that a step taken on what the actor saw (a take-up, an
-- edit) is refused when the row changed meanwhile: two banks racing for
-- one application, exactly one wins.  consent_at: the enterprise's
-- authorisation, given at publication, for the FI handling it to view its
-- credit information for this application until closed_at + 30 days;
-- consent_revoked_at ends it earlier.
CREATE TABLE loans (
  id                  BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  enterprise_id       BIGINT UNSIGNED NOT NULL,
  region_code         CHAR(6)      NOT NULL,
  product_id          BIGINT UNSIGNED NULL COMMENT 'NULL: open to the FIs serving the region',
  fi_id               BIGINT UNSIGNED NULL COMMENT 'addressed to, or taken up by',
  officer_id          BIGINT UNSIGNED NULL COMMENT 'the FI user handling it',
  created_by          BIGINT UNSIGNED NOT NULL,
  amount_wan          INT UNSIGNED NOT NULL,
  term_months         INT UNSIGNED NOT NULL,
  purpose             VARCHAR(500) NOT NULL,
  guarantee           VARCHAR(200) NOT NULL DEFAULT '',
  status              ENUM('draft','published','taken','approved','declined',
                           'disbursed','not_taken','withdrawn','expired')
                      NOT NULL DEFAULT 'draft',
  outcome             ENUM('approved','declined') NULL,
  approved_amount_wan INT UNSIGNED NULL,
  approved_term_months INT UNSIGNED NULL,
  rate_bp             INT UNSIGNED NULL,
  conditions          VARCHAR(500) NOT NULL DEFAULT '',
  decline_kind        ENUM('credit','collateral','materials','policy','other') NULL,
  decline_reason      VARCHAR(500) NOT NULL DEFAULT '',
  disbursed_amount_wan INT UNSIGNED NULL,
  disbursed_on        DATE         NULL,
  contract_no         VARCHAR(50)  NOT NULL DEFAULT '',
  consent_at          DATETIME     NULL,
  consent_revoked_at  DATETIME     NULL,
  version             INT UNSIGNED NOT NULL DEFAULT 1,
  created_at          DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  updated_at          DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  published_at        DATETIME     NULL,
  taken_at            DATETIME     NULL,
  decided_at          DATETIME     NULL,
  closed_at           DATETIME     NULL COMMENT 'declined, disbursed, not taken, withdrawn, expired',
  PRIMARY KEY (id),
  KEY loans_enterprise (enterprise_id, id),
  KEY loans_fi (fi_id, status, id),
  KEY loans_open (status, region_code, id),
  KEY loans_region (region_code, id),
  CONSTRAINT loans_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprises (id),
  CONSTRAINT loans_region_fk FOREIGN KEY (region_code) REFERENCES regions (code),
  CONSTRAINT loans_product_fk FOREIGN KEY (product_id) REFERENCES products (id),
  CONSTRAINT loans_fi_fk FOREIGN KEY (fi_id) REFERENCES fis (id),
  CONSTRAINT loans_officer_fk FOREIGN KEY (officer_id) REFERENCES users (id),
  CONSTRAINT loans_by_fk FOREIGN KEY (created_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The timeline of an application: one row per step, in the step's
-- transaction (who: the user and the organisation acting for it).
CREATE TABLE loan_events (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  loan_id      BIGINT UNSIGNED NOT NULL,
  at           DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  user_id      BIGINT UNSIGNED NULL COMMENT 'NULL: duijie-admin, a timer',
  org_kind     VARCHAR(20)  NOT NULL DEFAULT '',
  org_id       BIGINT UNSIGNED NOT NULL DEFAULT 0,
  action       VARCHAR(20)  NOT NULL,
  from_status  VARCHAR(20)  NOT NULL DEFAULT '',
  to_status    VARCHAR(20)  NOT NULL,
  note         VARCHAR(500) NOT NULL DEFAULT '',
  PRIMARY KEY (id),
  KEY loan_events_loan (loan_id, id),
  CONSTRAINT loan_events_loan_fk FOREIGN KEY (loan_id) REFERENCES loans (id),
  CONSTRAINT loan_events_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
