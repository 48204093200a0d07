-- 009_credit_staging_region.sql -- the region of each staged row's
-- enterprise (from its USCC, lib/ident.c uscc_region), so that
-- confirmation can create the enterprises an import names for the first
-- time (R-08.1: an enterprise exists whether or not it registered).
ALTER TABLE credit_staging
  ADD COLUMN region_code CHAR(6) NOT NULL DEFAULT '440000' AFTER ent_name;
