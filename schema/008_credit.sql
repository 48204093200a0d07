-- 008_credit.sql -- enterprise credit information: categories declared as
-- data, reviewed CSV imports by agencies, records, logged views, and the
-- enterprise's own view (R-08.1, R-08.2c, R-09.2, R-09.4, X-AUD).
--
-- A category's columns are rows of credit_columns, so an operator adds a
-- category without code.  Every record has the fixed columns (the
-- enterprise by USCC, the decision or occurrence date and, for a category
-- with a publication period, its end); the category's own columns travel
-- as a JSON object in `content`, keyed by column code.

CREATE TABLE credit_categories (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT,
  code        VARCHAR(40)  NOT NULL COMMENT 'stable key: admin_penalty ...',
  name        VARCHAR(50)  NOT NULL COMMENT '行政处罚',
  date_label  VARCHAR(20)  NOT NULL DEFAULT '决定日期' COMMENT 'what the record date means',
  has_period  TINYINT(1)   NOT NULL DEFAULT 0 COMMENT 'records carry the end of their publication period',
  sort        INT          NOT NULL DEFAULT 0,
  active      TINYINT(1)   NOT NULL DEFAULT 1,
  created_at  DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (id),
  UNIQUE KEY credit_categories_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- kind: text (max_len characters), int, money (yuan with at most 2
-- decimals, stored as fen), date (YYYY-MM-DD), choice (one of `choices`,
-- separated by '|').
CREATE TABLE credit_columns (
  category_id INT UNSIGNED NOT NULL,
  seq         TINYINT UNSIGNED NOT NULL,
  code        VARCHAR(40)  NOT NULL,
  label       VARCHAR(50)  NOT NULL COMMENT 'the CSV header and the screen label',
  kind        ENUM('text','int','money','date','choice') NOT NULL DEFAULT 'text',
  required    TINYINT(1)   NOT NULL DEFAULT 0,
  max_len     SMALLINT UNSIGNED NOT NULL DEFAULT 200,
  choices     VARCHAR(500) NOT NULL DEFAULT '',
  PRIMARY KEY (category_id, seq),
  UNIQUE KEY credit_columns_code (category_id, code),
  CONSTRAINT credit_columns_category_fk FOREIGN KEY (category_id) REFERENCES credit_categories (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An upload: validated into credit_staging / credit_batch_errors, then
-- confirmed (its new rows become records in one transaction) or left;
-- a confirmed batch can be withdrawn (its records disappear from every
-- view and are kept).
CREATE TABLE credit_batches (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  agency_id     BIGINT UNSIGNED NOT NULL,
  region_code   CHAR(6)      NOT NULL COMMENT 'the agency''s',
  category_id   INT UNSIGNED NOT NULL,
  file_name     VARCHAR(200) NOT NULL DEFAULT '',
  encoding      ENUM('utf-8','gb18030') NOT NULL,
  status        ENUM('validated','confirmed','withdrawn','discarded') NOT NULL DEFAULT 'validated',
  rows_total    INT UNSIGNED NOT NULL DEFAULT 0,
  rows_new      INT UNSIGNED NOT NULL DEFAULT 0,
  rows_dup      INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'already on record, unchanged',
  rows_error    INT UNSIGNED NOT NULL DEFAULT 0,
  uploaded_by   BIGINT UNSIGNED NOT NULL,
  uploaded_at   DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  confirmed_by  BIGINT UNSIGNED NULL,
  confirmed_at  DATETIME     NULL,
  withdrawn_by  BIGINT UNSIGNED NULL,
  withdrawn_at  DATETIME     NULL,
  withdraw_note VARCHAR(500) NOT NULL DEFAULT '',
  PRIMARY KEY (id),
  KEY credit_batches_agency (agency_id, id),
  CONSTRAINT credit_batches_agency_fk FOREIGN KEY (agency_id) REFERENCES agencies (id),
  CONSTRAINT credit_batches_category_fk FOREIGN KEY (category_id) REFERENCES credit_categories (id),
  CONSTRAINT credit_batches_user_fk FOREIGN KEY (uploaded_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The valid rows of a validated batch, waiting for confirmation.
-- row_hash: SHA-256 of the category and the row's normalised values, to
-- find rows already on record (unchanged duplicates) and twice in a file.
CREATE TABLE credit_staging (
  batch_id      BIGINT UNSIGNED NOT NULL,
  row_no        INT UNSIGNED NOT NULL,
  uscc          CHAR(18)     NOT NULL,
  ent_name      VARCHAR(100) NOT NULL,
  decision_date DATE         NOT NULL,
  period_end    DATE         NULL,
  content       TEXT         NOT NULL,
  row_hash      BINARY(32)   NOT NULL,
  dup           TINYINT(1)   NOT NULL DEFAULT 0,
  PRIMARY KEY (batch_id, row_no),
  CONSTRAINT credit_staging_batch_fk FOREIGN KEY (batch_id) REFERENCES credit_batches (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE credit_batch_errors (
  batch_id    BIGINT UNSIGNED NOT NULL,
  seq         INT UNSIGNED NOT NULL,
  row_no      INT UNSIGNED NOT NULL,
  col_label   VARCHAR(50)  NOT NULL DEFAULT '',
  value       VARCHAR(200) NOT NULL DEFAULT '',
  message     VARCHAR(200) NOT NULL,
  PRIMARY KEY (batch_id, seq),
  CONSTRAINT credit_batch_errors_batch_fk FOREIGN KEY (batch_id) REFERENCES credit_batches (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE credit_records (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  enterprise_id BIGINT UNSIGNED NOT NULL,
  category_id   INT UNSIGNED NOT NULL,
  agency_id     BIGINT UNSIGNED NOT NULL,
  batch_id      BIGINT UNSIGNED NOT NULL,
  decision_date DATE         NOT NULL,
  period_end    DATE         NULL,
  content       TEXT         NOT NULL,
  row_hash      BINARY(32)   NOT NULL,
  withdrawn     TINYINT(1)   NOT NULL DEFAULT 0,
  created_at    DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (id),
  KEY credit_records_enterprise (enterprise_id, withdrawn, category_id, decision_date),
  KEY credit_records_hash (category_id, row_hash),
  KEY credit_records_batch (batch_id),
  CONSTRAINT credit_records_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprises (id),
  CONSTRAINT credit_records_category_fk FOREIGN KEY (category_id) REFERENCES credit_categories (id),
  CONSTRAINT credit_records_agency_fk FOREIGN KEY (agency_id) REFERENCES agencies (id),
  CONSTRAINT credit_records_batch_fk FOREIGN KEY (batch_id) REFERENCES credit_batches (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every opening of an enterprise's credit information (征信业管理条例
-- Art. 22): who, for which organisation, which enterprise, the purpose,
-- when and from where.  Written with an audit row in one transaction; the
-- enterprise sees these rows (agency, purpose, date -- not the person).
CREATE TABLE credit_queries (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  at            DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  user_id       BIGINT UNSIGNED NOT NULL,
  role          VARCHAR(20)  NOT NULL,
  org_kind      VARCHAR(20)  NOT NULL,
  org_id        BIGINT UNSIGNED NOT NULL,
  enterprise_id BIGINT UNSIGNED NOT NULL,
  purpose       ENUM('duty','supervision','evaluation','other','self') NOT NULL,
  purpose_text  VARCHAR(200) NOT NULL DEFAULT '',
  client_addr   VARCHAR(45)  NOT NULL DEFAULT '',
  PRIMARY KEY (id),
  KEY credit_queries_enterprise (enterprise_id, id),
  KEY credit_queries_user (user_id, id),
  CONSTRAINT credit_queries_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT credit_queries_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An enterprise applies to view its own credit information (R-08.2c); an
-- operator of its region grants (for 30 days) or refuses it.  Each report
-- printed under a grant gets a number (credit_reports).
CREATE TABLE credit_self_requests (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  enterprise_id BIGINT UNSIGNED NOT NULL,
  region_code   CHAR(6)      NOT NULL,
  user_id       BIGINT UNSIGNED NOT NULL,
  reason        VARCHAR(500) NOT NULL,
  status        ENUM('pending','granted','refused') NOT NULL DEFAULT 'pending',
  created_at    DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  decided_by    BIGINT UNSIGNED NULL,
  decided_at    DATETIME     NULL,
  decision_note VARCHAR(500) NOT NULL DEFAULT '',
  valid_until   DATETIME     NULL,
  PRIMARY KEY (id),
  KEY credit_self_requests_enterprise (enterprise_id, id),
  KEY credit_self_requests_region (region_code, status, id),
  CONSTRAINT credit_self_requests_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprises (id),
  CONSTRAINT credit_self_requests_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE credit_reports (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  request_id    BIGINT UNSIGNED NOT NULL,
  enterprise_id BIGINT UNSIGNED NOT NULL,
  user_id       BIGINT UNSIGNED NOT NULL,
  created_at    DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  records       INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  KEY credit_reports_enterprise (enterprise_id, id),
  CONSTRAINT credit_reports_request_fk FOREIGN KEY (request_id) REFERENCES credit_self_requests (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The categories of spec/FORMATS.md with their columns.  Every category
-- also has the fixed columns 统一社会信用代码, 企业名称, its date
-- (date_label) and, with has_period, 公示截止日期.
INSERT INTO credit_categories (id, code, name, date_label, has_period, sort) VALUES
  (1,  'admin_license',     '行政许可',         '许可决定日期', 0, 10),
  (2,  'admin_penalty',     '行政处罚',         '处罚决定日期', 1, 20),
  (3,  'judgment',          '司法判决及执行',   '立案日期',     0, 30),
  (4,  'dishonest_debtor',  '失信被执行人',     '发布日期',     1, 40),
  (5,  'serious_dishonest', '严重失信主体名单', '列入日期',     1, 50),
  (6,  'honour',            '荣誉表彰',         '授予日期',     0, 60),
  (7,  'tax_grade',         '纳税信用等级',     '评价日期',     0, 70),
  (8,  'social_insurance',  '社会保险缴纳',     '统计日期',     0, 80),
  (9,  'housing_fund',      '住房公积金缴存',   '统计日期',     0, 90),
  (10, 'utilities',         '水电气缴费',       '统计日期',     0, 100),
  (11, 'customs',           '进出口',           '认定日期',     0, 110),
  (12, 'ip',                '知识产权',         '授权日期',     0, 120),
  (13, 'rnd',               '科技研发',         '认定日期',     0, 130),
  (14, 'policy',            '政策支持',         '支持日期',     0, 140);

INSERT INTO credit_columns (category_id, seq, code, label, kind, required, max_len, choices) VALUES
  (1, 1, 'doc_no',       '许可决定书文号', 'text',   1, 100, ''),
  (1, 2, 'license_name', '许可证书名称',   'text',   1, 100, ''),
  (1, 3, 'license_no',   '许可证书编号',   'text',   0, 100, ''),
  (1, 4, 'scope',        '许可内容',       'text',   0, 500, ''),
  (1, 5, 'valid_to',     '有效期至',       'date',   0, 10,  ''),
  (1, 6, 'authority',    '许可机关',       'text',   1, 100, ''),
  (2, 1, 'doc_no',       '处罚决定书文号', 'text',   1, 100, ''),
  (2, 2, 'violation',    '违法行为类型',   'text',   1, 200, ''),
  (2, 3, 'penalty_type', '处罚类别',       'choice', 1, 20,  '警告|通报批评|罚款|没收违法所得|暂扣或者吊销许可证|责令停产停业|其他'),
  (2, 4, 'amount',       '罚款金额（元）', 'money',  0, 20,  ''),
  (2, 5, 'content',      '处罚内容',       'text',   0, 500, ''),
  (2, 6, 'authority',    '处罚机关',       'text',   1, 100, ''),
  (3, 1, 'case_no',      '案号',           'text',   1, 100, ''),
  (3, 2, 'court',        '执行法院',       'text',   1, 100, ''),
  (3, 3, 'amount',       '执行标的（元）', 'money',  0, 20,  ''),
  (3, 4, 'status',       '履行情况',       'choice', 1, 20,  '全部未履行|部分履行|全部履行'),
  (4, 1, 'case_no',      '案号',           'text',   1, 100, ''),
  (4, 2, 'court',        '执行法院',       'text',   1, 100, ''),
  (4, 3, 'behavior',     '失信行为情形',   'text',   1, 500, ''),
  (5, 1, 'list_type',    '名单类型',       'text',   1, 100, ''),
  (5, 2, 'reason',       '列入原因',       'text',   1, 500, ''),
  (5, 3, 'authority',    '认定机关',       'text',   1, 100, ''),
  (6, 1, 'honour_name',  '荣誉名称',       'text',   1, 200, ''),
  (6, 2, 'level',        '级别',           'choice', 1, 10,  '国家级|省级|市级|区县级'),
  (6, 3, 'authority',    '授予机关',       'text',   1, 100, ''),
  (7, 1, 'year',         '评价年度',       'int',    1, 4,   ''),
  (7, 2, 'grade',        '纳税信用等级',   'choice', 1, 1,   'A|B|M|C|D'),
  (8, 1, 'period',       '所属期',         'text',   1, 7,   ''),
  (8, 2, 'insured',      '参保人数',       'int',    0, 9,   ''),
  (8, 3, 'status',       '缴纳状态',       'choice', 1, 10,  '正常|欠缴'),
  (8, 4, 'arrears',      '欠缴金额（元）', 'money',  0, 20,  ''),
  (9, 1, 'period',       '所属期',         'text',   1, 7,   ''),
  (9, 2, 'payers',       '缴存人数',       'int',    0, 9,   ''),
  (9, 3, 'status',       '缴存状态',       'choice', 1, 10,  '正常|欠缴|未缴存'),
  (10, 1, 'kind',        '费用类型',       'choice', 1, 10,  '水费|电费|燃气费'),
  (10, 2, 'period',      '所属期',         'text',   1, 7,   ''),
  (10, 3, 'status',      '缴费状态',       'choice', 1, 10,  '正常|欠费'),
  (10, 4, 'arrears',     '欠费金额（元）', 'money',  0, 20,  ''),
  (11, 1, 'grade',       '海关信用等级',   'choice', 1, 20,  '高级认证企业|一般认证企业|一般信用企业|失信企业'),
  (11, 2, 'authority',   '认定海关',       'text',   1, 100, ''),
  (12, 1, 'kind',        '类型',           'choice', 1, 10,  '发明专利|实用新型|外观设计|商标|著作权'),
  (12, 2, 'title',       '名称',           'text',   1, 200, ''),
  (12, 3, 'reg_no',      '登记号',         'text',   1, 100, ''),
  (13, 1, 'kind',        '认定类型',       'choice', 1, 20,  '高新技术企业|科技型中小企业|专精特新企业|其他'),
  (13, 2, 'cert_no',     '证书编号',       'text',   0, 100, ''),
  (13, 3, 'authority',   '认定机关',       'text',   1, 100, ''),
  (14, 1, 'project',     '项目名称',       'text',   1, 200, ''),
  (14, 2, 'way',         '支持方式',       'choice', 1, 10,  '补贴|贴息|奖励|担保|其他'),
  (14, 3, 'amount',      '金额（元）',     'money',  0, 20,  ''),
  (14, 4, 'authority',   '支持部门',       'text',   1, 100, '');
