-- grants.sql -- the rights of the workers' account, table by table.
-- Applied by `duijie-admin migrate` after the migrations, every time.
-- @APP@ is replaced by the application account ('user'@'host' from
-- DB.user / DB.app_host), @DB@ by DB.name; both are checked to be plain
-- identifiers first.  Anything not listed here the workers cannot touch.
GRANT SELECT ON @DB@.regions TO @APP@;
GRANT SELECT ON @DB@.offices TO @APP@;
