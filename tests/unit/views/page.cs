<?cs def:title() ?><?cs var:Page.title ?><?cs /def ?>
<?cs def:content() ?><p><?cs var:Page.text ?></p><ul><?cs each:i = Items ?><li><?cs var:i ?></li><?cs /each ?></ul><?cs /def ?>
