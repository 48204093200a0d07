-- 026_files.sql -- attachments (issues 14 and 15: the loan messages'
-- files, an objection's evidence; lib/store/files.c, X-SEC).
--
-- A file belongs to one object (owner_kind, owner_id: "loan_message", 42)
-- whose scope decides who may read it; it is served only by id through
-- that check.  Its type is what its first bytes are (PDF, JPEG, PNG),
-- never its name; size and SHA-256 as stored.  The bytes live under
-- Paths.files (outside the web root) as storage_name: 32 random hex
-- digits, a dot and the type.  `filename` is the name the uploader's
-- browser sent, for display only.
CREATE TABLE files (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  owner_kind    VARCHAR(40)  NOT NULL,
  owner_id      BIGINT UNSIGNED NOT NULL,
  ftype         ENUM('pdf','jpg','png') NOT NULL,
  size          BIGINT UNSIGNED NOT NULL,
  sha256        CHAR(64)     NOT NULL,
  storage_name  CHAR(36)     NOT NULL,
  filename      VARCHAR(255) NOT NULL DEFAULT '',
  uploaded_by   BIGINT UNSIGNED NULL,
  created_at    DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (id),
  UNIQUE KEY files_storage (storage_name),
  KEY files_owner (owner_kind, owner_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
