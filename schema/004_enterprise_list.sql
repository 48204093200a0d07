-- 004_enterprise_list.sql -- indexes for the operators' enterprise list
-- and late-change report (R-02.2, R-10.1), so that a page costs the same
-- with 10 000 or 100 000 enterprises.
--
-- profile_complete: 1 when every supplementary field is filled (R-06.3),
-- the rule of ent_fields[].supplementary in lib/enterprise.c, kept by the
-- database on every write so the "complete" filter is an index lookup.
-- enterprises_region (region_code) already serves "newest first in a
-- city": InnoDB appends the primary key to it.

ALTER TABLE enterprises
  ADD COLUMN profile_complete TINYINT(1) AS (
    address <> '' AND business_scope <> '' AND reg_capital_fen IS NOT NULL
    AND org_form <> '' AND industry <> '' AND size <> '' AND main_name <> ''
    AND COALESCE(main_mobile_enc, '') <> '' AND liaison_name <> ''
    AND COALESCE(liaison_mobile_enc, '') <> '') STORED,
  ADD KEY enterprises_region_name (region_code, name),
  ADD KEY enterprises_region_late (region_code, late_changes),
  ADD KEY enterprises_late (late_changes),
  ADD KEY enterprises_region_complete (region_code, profile_complete),
  ADD KEY enterprises_complete (profile_complete);
