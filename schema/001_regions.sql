-- 001_regions.sql -- GB/T 2260 regions of Guangdong and the operator
-- offices (运行和管理机构) that cover them (R-02.2).
--
-- Office names are data, not code: since 2023 the PBoC's city offices are
-- 市分行 rather than 中心支行, and Shenzhen has its own PBoC branch.
-- Operators change names and coverage through the application; these rows
-- are only the starting point.

CREATE TABLE offices (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT,
  name        VARCHAR(100) NOT NULL,
  region_code CHAR(6)      NOT NULL COMMENT 'where the office sits',
  address     VARCHAR(200) NOT NULL DEFAULT '',
  phone       VARCHAR(40)  NOT NULL DEFAULT '',
  created_at  DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  updated_at  DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (id),
  UNIQUE KEY offices_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE regions (
  code        CHAR(6)      NOT NULL COMMENT 'GB/T 2260',
  name        VARCHAR(40)  NOT NULL,
  parent_code CHAR(6)      NULL,
  sort        SMALLINT     NOT NULL,
  office_id   INT UNSIGNED NOT NULL COMMENT 'the office that runs this region',
  PRIMARY KEY (code),
  KEY regions_parent (parent_code),
  KEY regions_sort (sort),
  CONSTRAINT regions_parent_fk FOREIGN KEY (parent_code) REFERENCES regions (code),
  CONSTRAINT regions_office_fk FOREIGN KEY (office_id) REFERENCES offices (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO offices (id, name, region_code) VALUES
  (1,  '中国人民银行广东省分行', '440000'),
  (2,  '中国人民银行广州市分行', '440100'),
  (3,  '中国人民银行韶关市分行', '440200'),
  (4,  '中国人民银行深圳市分行', '440300'),
  (5,  '中国人民银行珠海市分行', '440400'),
  (6,  '中国人民银行汕头市分行', '440500'),
  (7,  '中国人民银行佛山市分行', '440600'),
  (8,  '中国人民银行江门市分行', '440700'),
  (9,  '中国人民银行湛江市分行', '440800'),
  (10, '中国人民银行茂名市分行', '440900'),
  (11, '中国人民银行肇庆市分行', '441200'),
  (12, '中国人民银行惠州市分行', '441300'),
  (13, '中国人民银行梅州市分行', '441400'),
  (14, '中国人民银行汕尾市分行', '441500'),
  (15, '中国人民银行河源市分行', '441600'),
  (16, '中国人民银行阳江市分行', '441700'),
  (17, '中国人民银行清远市分行', '441800'),
  (18, '中国人民银行东莞市分行', '441900'),
  (19, '中国人民银行中山市分行', '442000'),
  (20, '中国人民银行潮州市分行', '445100'),
  (21, '中国人民银行揭阳市分行', '445200'),
  (22, '中国人民银行云浮市分行', '445300');

INSERT INTO regions (code, name, parent_code, sort, office_id) VALUES
  ('440000', '广东省', NULL, 0, 1);
INSERT INTO regions (code, name, parent_code, sort, office_id) VALUES
  ('440100', '广州市', '440000', 1, 2),
  ('440200', '韶关市', '440000', 2, 3),
  ('440300', '深圳市', '440000', 3, 4),
  ('440400', '珠海市', '440000', 4, 5),
  ('440500', '汕头市', '440000', 5, 6),
  ('440600', '佛山市', '440000', 6, 7),
  ('440700', '江门市', '440000', 7, 8),
  ('440800', '湛江市', '440000', 8, 9),
  ('440900', '茂名市', '440000', 9, 10),
  ('441200', '肇庆市', '440000', 10, 11),
  ('441300', '惠州市', '440000', 11, 12),
  ('441400', '梅州市', '440000', 12, 13),
  ('441500', '汕尾市', '440000', 13, 14),
  ('441600', '河源市', '440000', 14, 15),
  ('441700', '阳江市', '440000', 15, 16),
  ('441800', '清远市', '440000', 16, 17),
  ('441900', '东莞市', '440000', 17, 18),
  ('442000', '中山市', '440000', 18, 19),
  ('445100', '潮州市', '440000', 19, 20),
  ('445200', '揭阳市', '440000', 20, 21),
  ('445300', '云浮市', '440000', 21, 22);
