<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:S.Claim.one ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow wide">
  <p><a href="/claims"><?cs var:S.Claim.back ?></a></p>
  <h1><?cs var:S.Claim.one ?></h1>
  <?cs if:Stale ?><p class="notice" id="stale"><?cs var:S.Claim.stale ?></p><?cs /if ?>
  <table class="facts" id="claim" data-claim="<?cs var:Claim.id ?>">
    <tr><th scope="row"><?cs var:S.Field.uscc ?></th><td id="claim-uscc"><?cs var:Claim.uscc ?>（<?cs var:Claim.region_name ?>）</td></tr>
    <tr><th scope="row"><?cs var:S.Claim.record_name ?></th><td id="claim-record-name"><?cs var:Claim.record_name ?></td></tr>
    <tr><th scope="row"><?cs var:S.Field.ent_name ?></th><td id="claim-ent-name"><?cs var:Claim.ent_name ?></td></tr>
    <tr><th scope="row"><?cs var:S.Field.reg_no ?></th><td><?cs var:Claim.reg_no ?></td></tr>
    <tr><th scope="row"><?cs var:S.Field.legal_name ?></th><td id="claim-legal-name"><?cs var:Claim.legal_name ?></td></tr>
    <tr><th scope="row"><?cs var:S.Field.legal_id ?></th><td id="claim-legal-id"><?cs var:Claim.legal_id ?></td></tr>
    <tr><th scope="row"><?cs var:S.Claim.col_account ?></th><td><?cs var:Claim.username ?>（<?cs var:Claim.contact_name ?>）</td></tr>
    <tr><th scope="row"><?cs var:S.Claim.col_created ?></th><td><?cs var:Claim.created ?></td></tr>
    <tr><th scope="row"><?cs var:S.Claim.col_licence ?></th><td><?cs if:Claim.status == "refused" || Claim.status == "withdrawn" ?><span id="licence-removed"><?cs var:S.Claim.licence_removed ?></span><?cs else ?><a id="licence-view" href="/claims/<?cs var:Claim.id ?>/licence"><?cs var:S.Claim.view ?></a> · <a id="licence-download" href="/claims/<?cs var:Claim.id ?>/licence?download=1"><?cs var:S.Claim.download ?></a><?cs /if ?>（<?cs var:Claim.licence_type ?>，<?cs var:Claim.licence_kb ?> KB）</td></tr>
    <tr><th scope="row"><?cs var:S.Claim.col_status ?></th><td id="claim-status"><?cs var:S.Claim.status[Claim.status] ?><?cs if:Claim.decided ?>（<?cs var:Claim.decided ?> <?cs var:Claim.decided_by ?>）<?cs /if ?><?cs if:Claim.reason ?><br><?cs var:Claim.reason ?><?cs /if ?></td></tr>
  </table>
  <?cs if:Can.decide ?>
  <form method="post" action="/claims/<?cs var:Claim.id ?>/decide" class="stack" id="decide" novalidate>
    <?cs call:csrf() ?>
    <p class="muted"><?cs var:S.Claim.decide_hint ?></p>
    <div class="field<?cs if:Form.result.error ?> has-error<?cs /if ?>">
      <?cs each:k = S.Claim.result ?><label class="choice"><input type="radio" name="result" value="<?cs var:name(k) ?>"<?cs if:Form.result.value == name(k) ?> checked<?cs /if ?>> <?cs var:k ?></label>
      <?cs /each ?>
      <?cs call:field_error("result") ?>
    </div>
    <div class="field<?cs if:Form.reason.error ?> has-error<?cs /if ?>">
      <label for="reason"><?cs var:S.Claim.reason ?></label>
      <textarea id="reason" name="reason" rows="3" maxlength="500"<?cs call:invalid("reason") ?>><?cs var:Form.reason.value ?></textarea>
      <?cs call:field_error("reason") ?>
    </div>
    <button type="submit"><?cs var:S.Claim.decide ?></button>
  </form>
  <?cs /if ?>
</section>
<?cs /def ?>
