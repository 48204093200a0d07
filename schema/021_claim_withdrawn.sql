-- 021_claim_withdrawn.sql -- an enterprise can withdraw its own pending
-- claim (issue 12 item 9b, lib/enterprise/claim.c claim_withdraw, R-06.1,
-- X-AUD): the claim ends 'withdrawn' (decided_by is the claimant itself),
-- the account is revoked and the licence file deleted.
ALTER TABLE enterprise_claims
  MODIFY status ENUM('pending','approved','refused','withdrawn') NOT NULL DEFAULT 'pending';
