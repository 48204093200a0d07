-- 020_products.sql -- the financing products of the financial
-- institutions (issue 14 "Products", R-12.1, R-03.1, X-AUD;
-- lib/finance/product.c).
--
-- A product belongs to one FI (fi_id) and carries its FI's region
-- (region_code, copied at creation: the operators' scope).  Amounts in
-- 万元, terms in months, annual rates in hundredths of a percent (435 =
-- 4.35%).  status: draft -> published -> withdrawn (by the FI's manager,
-- who may publish it again), or taken_down by an operator of the FI's
-- region with a reason (final for the FI).  The regions it serves are rows
-- of product_regions (the public catalogue filters on them).
CREATE TABLE products (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  fi_id           BIGINT UNSIGNED NOT NULL,
  region_code     CHAR(6)      NOT NULL,
  name            VARCHAR(60)  NOT NULL,
  kind            ENUM('credit','mortgage','guarantee','bill','supply_chain','other') NOT NULL,
  amount_min_wan  INT UNSIGNED NOT NULL,
  amount_max_wan  INT UNSIGNED NOT NULL,
  term_min_months INT UNSIGNED NOT NULL,
  term_max_months INT UNSIGNED NOT NULL,
  rate_min_bp     INT UNSIGNED NOT NULL,
  rate_max_bp     INT UNSIGNED NOT NULL,
  industries      VARCHAR(200) NOT NULL DEFAULT '',
  sizes           VARCHAR(100) NOT NULL DEFAULT '',
  requirements    TEXT         NOT NULL,
  materials       TEXT         NOT NULL,
  status          ENUM('draft','published','withdrawn','taken_down') NOT NULL DEFAULT 'draft',
  takedown_reason VARCHAR(200) NOT NULL DEFAULT '',
  created_by      BIGINT UNSIGNED NULL COMMENT 'NULL: loaded by duijie-admin (demo data)',
  created_at      DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  updated_at      DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  published_at    DATETIME     NULL,
  PRIMARY KEY (id),
  UNIQUE KEY products_fi_name (fi_id, name),
  KEY products_status (status, kind, published_at),
  KEY products_region (region_code, status),
  CONSTRAINT products_fi_fk FOREIGN KEY (fi_id) REFERENCES fis (id),
  CONSTRAINT products_region_fk FOREIGN KEY (region_code) REFERENCES regions (code),
  CONSTRAINT products_by_fk FOREIGN KEY (created_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE product_regions (
  product_id   BIGINT UNSIGNED NOT NULL,
  region_code  CHAR(6) NOT NULL,
  PRIMARY KEY (product_id, region_code),
  KEY product_regions_region (region_code, product_id),
  CONSTRAINT product_regions_product_fk FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE,
  CONSTRAINT product_regions_region_fk FOREIGN KEY (region_code) REFERENCES regions (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
