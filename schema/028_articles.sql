-- 028_articles.sql -- the information service's articles (issue 17
-- "Articles", R-13.1, X-AUD; lib/info/article.c).
--
-- kind: notice 重要通知, policy 扶持政策, knowledge 金融知识, guide 操作指南.
-- region_code is the author's region: the province's articles are for
-- every reader, a city's for that city's readers (and anonymous visitors
-- of the internet portal, who may filter by city).  audience: the portal(s)
-- it is shown on.  body is CommonMark, rendered on the server with
-- libcmark's safe mode (lib/formats/markdown.c), never stored as HTML.
-- status: draft -> scheduled (publish_at, UTC) or published -> withdrawn
-- (lib/info/article.c article_machine); a scheduled article is shown once
-- publish_at has passed (the statements read it as published then, so no
-- timer is needed).  revision counts the saved versions; every saved
-- version is a row of article_revisions.
CREATE TABLE articles (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  kind          ENUM('notice','policy','knowledge','guide') NOT NULL,
  region_code   CHAR(6)      NOT NULL,
  audience      ENUM('internet','intranet','both') NOT NULL DEFAULT 'both',
  title         VARCHAR(100) NOT NULL,
  body          MEDIUMTEXT   NOT NULL,
  pinned        TINYINT(1)   NOT NULL DEFAULT 0,
  status        ENUM('draft','scheduled','published','withdrawn') NOT NULL DEFAULT 'draft',
  publish_at    DATETIME     NULL COMMENT 'scheduled: when it is shown',
  published_at  DATETIME     NULL,
  revision      INT UNSIGNED NOT NULL DEFAULT 1,
  created_by    BIGINT UNSIGNED NULL COMMENT 'NULL: loaded by duijie-admin',
  created_at    DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  updated_by    BIGINT UNSIGNED NULL,
  updated_at    DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (id),
  KEY articles_shown (status, kind, published_at),
  KEY articles_region (region_code, status),
  CONSTRAINT articles_region_fk FOREIGN KEY (region_code) REFERENCES regions (code),
  CONSTRAINT articles_created_fk FOREIGN KEY (created_by) REFERENCES users (id),
  CONSTRAINT articles_updated_fk FOREIGN KEY (updated_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE article_revisions (
  article_id    BIGINT UNSIGNED NOT NULL,
  revision      INT UNSIGNED NOT NULL,
  kind          ENUM('notice','policy','knowledge','guide') NOT NULL,
  audience      ENUM('internet','intranet','both') NOT NULL,
  title         VARCHAR(100) NOT NULL,
  body          MEDIUMTEXT   NOT NULL,
  edited_by     BIGINT UNSIGNED NULL,
  edited_at     DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (article_id, revision),
  CONSTRAINT article_revisions_article_fk FOREIGN KEY (article_id) REFERENCES articles (id),
  CONSTRAINT article_revisions_by_fk FOREIGN KEY (edited_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
