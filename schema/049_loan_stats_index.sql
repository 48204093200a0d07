-- 049_loan_stats_index.sql -- /loan-stats reads one period of published
-- applications (lib/finance/loan_stats.c S_WHERE: published_at >= from
-- AND published_at < to, then the reader's scope).  Without this key the
-- statement scans every application for any period; with it, a range of
-- the period only (EXPLAIN: range on loans_published).
ALTER TABLE loans
  ADD KEY loans_published (published_at);
