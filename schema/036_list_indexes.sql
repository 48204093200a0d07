-- 036_list_indexes.sql -- indexes ordered like the lists of issue 14's
-- bench (scripts/bench/run "Loan list and product catalogue"; EXPLAIN in
-- docs/BENCH.md).
--
-- An FI's /loans (lib/finance/loan.c, search_fi): the applications
-- addressed to or taken up by the FI, newest first (loans_fi_id; with a
-- status filter loans_fi (fi_id, status, id)), and the open ones of each
-- region it serves, newest first (loans_open_fi: status 'published',
-- fi_id NULL, one region: a range read backwards, stopped after the page).
ALTER TABLE loans
  ADD KEY loans_fi_id (fi_id, id),
  ADD KEY loans_open_fi (status, fi_id, region_code, id);

-- The public catalogue (lib/finance/product.c STMT_P_CAT): the published
-- products newest first without a sort (the kind filter has
-- products_status (status, kind, published_at)).
ALTER TABLE products
  ADD KEY products_pub (status, published_at, id);
