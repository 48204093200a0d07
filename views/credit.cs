<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs include:"_credit_records.cs" ?>
<?cs def:title() ?><?cs var:S.Credit.one_title ?> - <?cs var:Ent.name ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Credit.one_title ?></h1>
  <dl class="facts" id="credit-ent">
    <dt><?cs var:S.Credit.col_name ?></dt><dd id="ent-name"><?cs var:Ent.name ?></dd>
    <dt><?cs var:S.Credit.col_uscc ?></dt><dd id="ent-uscc"><?cs var:Ent.uscc ?></dd>
    <dt><?cs var:S.Credit.col_region ?></dt><dd><?cs var:Ent.region_name ?></dd>
  </dl>
  <?cs if:Opened.id ?>
  <p class="notice ok" id="opened" data-query="<?cs var:Opened.id ?>"><?cs var:S.Credit.opened ?><?cs var:Opened.at ?><?cs var:S.Credit.opened_purpose ?><?cs var:S.Credit.purpose[Opened.purpose] ?><?cs if:Opened.text ?>（<?cs var:Opened.text ?>）<?cs /if ?><?cs var:S.Credit.opened_no ?><?cs var:Opened.id ?></p>
  <?cs call:credit_records() ?>
  <p class="links"><a href="/credit/<?cs var:Ent.id ?>"><?cs var:S.Credit.again ?></a>　<a href="/credit"><?cs var:S.Credit.back ?></a></p>
  <?cs else ?>
  <form method="post" action="/credit/<?cs var:Ent.id ?>" class="stack narrow" id="purpose-form" novalidate>
    <?cs call:csrf() ?>
    <fieldset><legend><?cs var:S.Credit.purpose_legend ?></legend>
      <p class="hint"><?cs var:S.Credit.purpose_intro ?></p>
      <div class="field<?cs if:Form.purpose.error ?> has-error<?cs /if ?>">
        <?cs each:p = S.Credit.purpose ?><?cs if:name(p) != "self" && name(p) != "loan" ?><label class="choice"><input type="radio" name="purpose" value="<?cs var:name(p) ?>"<?cs if:Form.purpose.value == name(p) ?> checked<?cs /if ?><?cs call:invalid("purpose") ?>> <?cs var:p ?></label>
        <?cs /if ?><?cs /each ?>
        <?cs call:field_error("purpose") ?>
      </div>
      <?cs call:input("purpose_text", S.Credit.purpose_text, "text", 200, S.Credit.purpose_text_hint) ?>
      <button type="submit" id="credit-open"><?cs var:S.Credit.submit ?></button>
    </fieldset>
  </form>
  <p><a href="/credit"><?cs var:S.Credit.back ?></a></p>
  <?cs /if ?>
</section>
<?cs /def ?>
