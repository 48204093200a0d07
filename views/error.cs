<?cs def:title() ?><?cs alt:S.Error[Error.status].title ?><?cs var:S.Error.title ?><?cs /alt ?><?cs /def ?>
<?cs def:content() ?>
<section class="error">
  <h1><?cs alt:S.Error[Error.status].title ?><?cs var:S.Error.title ?><?cs /alt ?></h1>
  <p><?cs var:S.Error[Error.status].text ?></p>
  <p class="muted"><?cs var:S.Error.request_id ?>：<code><?cs var:Request.id ?></code>（HTTP <?cs var:Error.status ?>）</p>
  <p><a href="/"><?cs var:S.Error.back_home ?></a></p>
</section>
<?cs /def ?>
