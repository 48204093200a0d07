<?cs def:title() ?><?cs if:S.Error[Error.status].title ?><?cs var:S.Error[Error.status].title ?><?cs else ?><?cs var:S.Error.title ?><?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<section class="error">
  <h1><?cs if:S.Error[Error.status].title ?><?cs var:S.Error[Error.status].title ?><?cs else ?><?cs var:S.Error.title ?><?cs /if ?></h1>
  <p><?cs var:S.Error[Error.status].text ?></p>
  <?cs if:Error.permission ?><p id="perm-missing"><?cs var:S.Error.permission ?>（<?cs var:S.Perm[Error.permission] ?>）</p><?cs /if ?>
  <p class="muted"><?cs var:S.Error.request_id ?>：<code><?cs var:Request.id ?></code>（HTTP <?cs var:Error.status ?>）</p>
  <p><a href="/"><?cs var:S.Error.back_home ?></a></p>
</section>
<?cs /def ?>
