-- 032_audit_seal.sql -- the audit chain without a global lock (issue 19
-- item 2, X-AUD; lib/db/audit.c, docs/SECURITY.md "Audit").
--
-- Until now every audited transaction locked audit_head (FOR UPDATE)
-- through its commit to append its row to the chain, which serialised all
-- audited work.  From this migration on a row is inserted unchained: its
-- id comes from AUTO_INCREMENT, its prev_hash is '' and its hash covers
-- its own fields only.  A sealer (the workers after their answer, and
-- `duijie-admin audit-seal` / `audit-verify`) takes audit_head for a
-- short transaction of its own, never inside an audited one, and appends
-- one audit_seal row per committed unsealed row: seq 1, 2, 3 ... in the
-- order it finds them, chain = SHA-256(previous chain | seq | log id |
-- row hash).  The rows up to audit_head.legacy_id keep the old chain; the
-- first seal's prev_chain is that chain's tip.
--
-- audit_head now holds: last_id, the highest log id sealed (or the
-- legacy tip); last_hash, the chain's tip; last_seq, the last seal;
-- floor_id, below which every id is sealed or a gap the sealer gave up
-- waiting for (a rolled-back transaction's AUTO_INCREMENT id);
-- legacy_id, the last row of the old chain; sealed_at.
ALTER TABLE audit_log
  MODIFY id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT;

CREATE TABLE audit_seal (
  seq         BIGINT UNSIGNED NOT NULL,
  log_id      BIGINT UNSIGNED NOT NULL,
  prev_chain  CHAR(64)        NOT NULL,
  row_hash    CHAR(64)        NOT NULL,
  chain       CHAR(64)        NOT NULL,
  sealed_at   DATETIME(6)     NOT NULL,
  PRIMARY KEY (seq),
  UNIQUE KEY audit_seal_log (log_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE audit_head
  ADD legacy_id  BIGINT UNSIGNED NOT NULL DEFAULT 0,
  ADD last_seq   BIGINT UNSIGNED NOT NULL DEFAULT 0,
  ADD floor_id   BIGINT UNSIGNED NOT NULL DEFAULT 0,
  ADD sealed_at  DATETIME(6)     NULL;

UPDATE audit_head SET legacy_id = last_id, floor_id = last_id WHERE id = 1;
