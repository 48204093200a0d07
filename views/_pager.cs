<?cs # The one pager of every list: Pager.* from pager_to_hdf (lib/web/view.c). ?>
<?cs def:pager() ?>
  <?cs if:Pager.prev || Pager.next ?>
  <nav class="pager" aria-label="<?cs var:S.Pager.label ?>">
    <?cs if:Pager.prev ?><a rel="prev" href="/<?cs var:Pager.href ?>page=<?cs var:Pager.prev ?>"><?cs var:S.Pager.prev ?></a><?cs /if ?>
    <span><?cs var:S.Pager.page ?> <?cs var:Pager.page ?><?cs if:Pager.pages ?> / <?cs var:Pager.pages ?><?cs /if ?></span>
    <?cs if:Pager.next ?><a rel="next" href="/<?cs var:Pager.href ?>page=<?cs var:Pager.next ?>"><?cs var:S.Pager.next ?></a><?cs /if ?>
  </nav>
  <?cs /if ?>
<?cs /def ?>
