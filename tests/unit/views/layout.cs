<html><title><?cs call:title() ?> - <?cs var:S.site_name ?></title>
<?cs call:content() ?>
</html>
