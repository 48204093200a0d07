-- 024_credit_query_loan.sql -- an FI's opening of an enterprise's credit
-- information under the consent of a loan application (issue 14
-- "Consent", R-08.1, R-08.2b, X-AUD).
--
-- Logged like a gov opening: a credit_queries row with org_kind 'fi', the
-- FI, purpose 'loan' (信贷审批) and the application's number as
-- purpose_text, so that it shows in the enterprise's 谁查询了我 with the
-- FI's name.
ALTER TABLE credit_queries
  MODIFY purpose ENUM('duty','supervision','evaluation','other','self','review','loan') NOT NULL;
