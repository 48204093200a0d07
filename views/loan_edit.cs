<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs if:Loan.new ?><?cs var:S.Loan.new ?><?cs else ?><?cs var:S.Loan.edit ?> <?cs var:Loan.number ?><?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<section class="narrow">
  <?cs if:Loan.new ?>
  <p><a href="/loans"><?cs var:S.Loan.back ?></a></p>
  <h1><?cs var:S.Loan.new ?></h1>
  <?cs else ?>
  <p><a href="/loans/<?cs var:Loan.id ?>"><?cs var:S.Loan.back_one ?></a></p>
  <h1><?cs var:S.Loan.edit ?>：<?cs var:Loan.number ?></h1>
  <?cs /if ?>
  <?cs if:Refused ?><p class="notice error" id="refused"><?cs var:Refused ?></p><?cs /if ?>
  <?cs if:subcount(Missing) > 0 ?>
  <div class="notice<?cs if:Loan.incomplete ?> error<?cs /if ?>" id="missing"><p><?cs var:S.Loan.incomplete ?></p>
    <ul><?cs each:m = Missing ?><li><?cs var:m ?></li><?cs /each ?></ul>
    <p><a href="/profile/edit" id="complete-link"><?cs var:S.Loan.complete_link ?></a></p>
  </div>
  <?cs /if ?>
  <form method="post" action="<?cs if:Loan.new ?>/loans/new<?cs else ?>/loans/<?cs var:Loan.id ?>/edit<?cs /if ?>" class="stack" novalidate>
    <?cs call:csrf() ?>
    <?cs if:!Loan.new ?><input type="hidden" name="version" value="<?cs var:Form.version.value ?>"><?cs /if ?>
    <?cs call:input("amount_wan", S.Loan.amount_label, "text", 7, "") ?>
    <?cs call:input("term_months", S.Loan.term_label, "text", 3, "") ?>
    <div class="field<?cs if:Form.purpose.error ?> has-error<?cs /if ?>">
      <label for="purpose"><?cs var:S.Loan.purpose ?></label>
      <textarea id="purpose" name="purpose" rows="3" maxlength="500"<?cs call:invalid("purpose") ?>><?cs var:Form.purpose.value ?></textarea>
      <?cs call:field_error("purpose") ?>
    </div>
    <?cs call:input("guarantee", S.Loan.guarantee, "text", 200, "") ?>
    <div class="field<?cs if:Form.product_id.error ?> has-error<?cs /if ?>">
      <label for="product_id"><?cs var:S.Loan.product ?></label>
      <select id="product_id" name="product_id"<?cs call:invalid("product_id") ?>>
        <option value=""><?cs var:S.Loan.open_choice ?></option>
        <?cs each:p = Products ?><option value="<?cs var:p.id ?>"<?cs if:p.selected ?> selected<?cs /if ?>><?cs var:p.fi_name ?> - <?cs var:p.name ?></option>
        <?cs /each ?>
      </select>
      <?cs call:field_error("product_id") ?>
    </div>
    <?cs if:Loan.new || Loan.status == "draft" ?>
    <div class="field<?cs if:Form.consent.error ?> has-error<?cs /if ?>">
      <label class="choice"><input type="checkbox" name="consent" value="1" id="consent"<?cs if:Form.consent.value ?> checked<?cs /if ?><?cs call:invalid("consent") ?>> <?cs var:S.Loan.consent_label ?></label>
      <?cs call:field_error("consent") ?>
    </div>
    <div class="field<?cs if:Form.disclaimer.error ?> has-error<?cs /if ?>">
      <p class="notice" id="disclaimer"><?cs var:S.Loan.disclaimer ?></p>
      <label class="choice"><input type="checkbox" name="disclaimer" value="1" id="disclaimer-box"<?cs if:Form.disclaimer.value ?> checked<?cs /if ?><?cs call:invalid("disclaimer") ?>> <?cs var:S.Loan.disclaimer_label ?></label>
      <?cs call:field_error("disclaimer") ?>
    </div>
    <div class="field<?cs if:Form.publish.error ?> has-error<?cs /if ?>">
      <label class="choice"><input type="checkbox" name="publish" value="1" id="publish"<?cs if:Form.publish.value ?> checked<?cs /if ?><?cs call:invalid("publish") ?>> <?cs var:S.Loan.publish_label ?></label>
      <?cs call:field_error("publish") ?>
    </div>
    <?cs else ?>
    <p class="muted" id="disclaimer"><?cs var:S.Loan.disclaimer ?></p>
    <?cs /if ?>
    <button type="submit" id="loan-save"><?cs var:S.Loan.save ?></button>
  </form>
</section>
<?cs /def ?>
