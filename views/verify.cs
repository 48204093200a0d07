<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs var:S.Verify.title ?><?cs /def ?>
<?cs def:content() ?>
<section class="wide" id="verify">
  <h1><?cs var:S.Verify.title ?></h1>
  <p class="muted"><?cs var:S.Verify.intro ?></p>
  <?cs if:Verify.ok ?>
  <div class="notice ok" id="verify-genuine">
    <p><strong><?cs var:S.Verify.genuine ?></strong></p>
    <dl class="facts">
      <dt><?cs var:S.Report.number ?></dt><dd id="verify-number"><?cs var:Verify.number ?></dd>
      <dt><?cs var:S.Credit.col_name ?></dt><dd id="verify-ent"><?cs var:Verify.ent_name ?></dd>
      <dt><?cs var:S.Credit.col_uscc ?></dt><dd id="verify-uscc"><?cs var:Verify.uscc ?></dd>
      <dt><?cs var:S.Report.at ?></dt><dd id="verify-at"><?cs var:Verify.at ?></dd>
      <dt><?cs var:S.Verify.records ?></dt><dd id="verify-records"><?cs var:Verify.records ?><?cs var:S.Verify.records_unit ?></dd>
      <dt><?cs var:S.Report.digest ?></dt><dd><code class="digest" id="verify-digest"><?cs var:Verify.digest ?></code></dd>
    </dl>
    <p class="hint"><?cs var:S.Verify.compare ?></p>
  </div>
  <?cs elif:Verify.notfound ?>
  <p class="notice error-text" id="verify-notfound"><?cs var:S.Verify.notfound ?><code><?cs var:Verify.code ?></code><?cs var:S.Verify.notfound_after ?></p>
  <?cs /if ?>
  <form method="post" action="/verify" class="stack" novalidate id="verify-form">
    <?cs call:csrf() ?>
    <?cs call:input("code", S.Verify.code, "text", 40, S.Verify.code_hint) ?>
    <button type="submit" id="verify-submit"><?cs var:S.Verify.submit ?></button>
  </form>
</section>
<?cs /def ?>
