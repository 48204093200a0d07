-- grants.sql -- the rights of the workers' account, table by table.
-- Applied by `duijie-admin migrate` after the migrations, every time.
-- @APP@ is replaced by the application account ('user'@'host' from
-- DB.user / DB.app_host), @DB@ by DB.name; both are checked to be plain
-- identifiers first.  Anything not listed here the workers cannot touch.
GRANT SELECT ON @DB@.regions TO @APP@;
GRANT SELECT ON @DB@.offices TO @APP@;
-- The operators keep their office's contact facts (046); name and coverage stay migrations'.
GRANT UPDATE (address, phone, hours, updated_at, updated_by) ON @DB@.offices TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.agencies TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.fis TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.enterprises TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.users TO @APP@;
GRANT SELECT, INSERT, DELETE ON @DB@.password_history TO @APP@;
GRANT SELECT, INSERT, UPDATE, DELETE ON @DB@.sessions TO @APP@;
GRANT SELECT, INSERT, UPDATE, DELETE ON @DB@.login_throttle TO @APP@;
-- Append-only: the workers may add audit rows and read them, never change them.
GRANT SELECT, INSERT ON @DB@.audit_log TO @APP@;
GRANT SELECT, UPDATE ON @DB@.audit_head TO @APP@;
-- The seals chain committed audit rows (032): appended, never changed.
GRANT SELECT, INSERT ON @DB@.audit_seal TO @APP@;
GRANT SELECT, INSERT ON @DB@.enterprise_changes TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.sms_codes TO @APP@;
GRANT SELECT, INSERT, UPDATE, DELETE ON @DB@.calendar_days TO @APP@;
GRANT SELECT ON @DB@.enterprise_name_grams TO @APP@;
GRANT SELECT ON @DB@.enterprise_name_gram_stats TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.agency_forms TO @APP@;
GRANT SELECT, INSERT, UPDATE, DELETE ON @DB@.agency_form_lines TO @APP@;
GRANT SELECT, INSERT ON @DB@.agency_form_events TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.departures TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.credit_categories TO @APP@;
GRANT SELECT, INSERT, UPDATE, DELETE ON @DB@.credit_columns TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.credit_batches TO @APP@;
GRANT SELECT, INSERT, DELETE ON @DB@.credit_batch_errors TO @APP@;
-- DELETE: a discarded batch's rows, never shown (048_credit_import_direct.sql)
GRANT SELECT, INSERT, UPDATE, DELETE ON @DB@.credit_records TO @APP@;
GRANT SELECT, INSERT ON @DB@.credit_queries TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.credit_self_requests TO @APP@;
GRANT SELECT, INSERT ON @DB@.credit_reports TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.enterprise_claims TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.staff_requests TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.products TO @APP@;
GRANT SELECT, INSERT, DELETE ON @DB@.product_regions TO @APP@;
-- In-site notices (025): written with their event, read and marked read by
-- their recipient, the SMS state recorded after delivery.
GRANT SELECT, INSERT, UPDATE ON @DB@.inbox TO @APP@;
-- Attachments (026): rows are added with their owner and never changed.
GRANT SELECT, INSERT ON @DB@.files TO @APP@;
-- 030: permissions within roles, the security administrator's settings
GRANT SELECT, INSERT, DELETE ON @DB@.agency_credit_sources TO @APP@;
GRANT SELECT, INSERT, DELETE ON @DB@.role_permissions TO @APP@;
GRANT SELECT, INSERT, UPDATE, DELETE ON @DB@.security_settings TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.loans TO @APP@;
GRANT SELECT, INSERT ON @DB@.loan_events TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.articles TO @APP@;
-- Revision history: kept as written, never changed.
GRANT SELECT, INSERT ON @DB@.article_revisions TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.feedback TO @APP@;
-- Events and their registrations (041): rows are kept, their state changes.
GRANT SELECT, INSERT, UPDATE ON @DB@.events TO @APP@;
GRANT SELECT, INSERT, UPDATE ON @DB@.event_registrations TO @APP@;
-- The measures' versions (042): drafts change until published, then stay.
GRANT SELECT, INSERT, UPDATE ON @DB@.rule_versions TO @APP@;
GRANT SELECT, INSERT ON @DB@.rule_notices TO @APP@;
-- Loan messages (034): posted with their audit row, never changed.
GRANT SELECT, INSERT ON @DB@.loan_messages TO @APP@;
-- Objections (037): filed and stepped with their audit rows; their events never change.
GRANT SELECT, INSERT, UPDATE ON @DB@.objections TO @APP@;
GRANT SELECT, INSERT ON @DB@.objection_events TO @APP@;
-- Measures on enterprise users (039): kept, their state changes.
GRANT SELECT, INSERT, UPDATE ON @DB@.measures TO @APP@;
