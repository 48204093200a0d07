<?cs include:"_field.cs" ?>
<?cs include:"_input.cs" ?>
<?cs def:title() ?><?cs if:Category.new ?><?cs var:S.CCat.new ?><?cs else ?><?cs var:S.CCat.edit ?> <?cs var:Category.name ?><?cs /if ?><?cs /def ?>
<?cs def:cell_error(c, f) ?><?cs if:c.err[f] ?><p class="error-text" id="col_<?cs var:f ?>_<?cs var:c.n ?>-error"><?cs var:c.err[f] ?></p><?cs /if ?><?cs /def ?>
<?cs def:cell_invalid(c, f) ?><?cs if:c.err[f] ?> aria-invalid="true" aria-describedby="col_<?cs var:f ?>_<?cs var:c.n ?>-error"<?cs /if ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <p><a href="/credit/categories"><?cs var:S.CCat.back ?></a></p>
  <?cs if:Category.new ?>
  <h1><?cs var:S.CCat.new ?></h1>
  <form method="post" action="/credit/categories/new" class="stack" novalidate>
  <?cs else ?>
  <h1><?cs var:S.CCat.edit ?>：<?cs var:Category.name ?></h1>
  <form method="post" action="/credit/categories/<?cs var:Category.id ?>/edit" class="stack" novalidate>
  <?cs /if ?>
    <?cs call:csrf() ?>
    <fieldset><legend><?cs var:S.CCat.facts ?></legend>
    <?cs if:Category.new ?>
    <?cs call:input("code", S.CCat.code, "text", 40, S.CCat.code_hint) ?>
    <?cs else ?>
    <div class="field">
      <p><strong><?cs var:S.CCat.code ?></strong>：<code id="ccat-code"><?cs var:Category.code ?></code></p>
      <p class="hint"><?cs var:S.CCat.code_fixed ?></p>
    </div>
    <?cs /if ?>
    <?cs call:input("name", S.CCat.name, "text", 50, "") ?>
    <?cs call:input("date_label", S.CCat.date_label, "text", 20, S.CCat.date_label_hint) ?>
    <div class="field">
      <label><input type="checkbox" name="has_period" value="1"<?cs if:Form.has_period.value ?> checked<?cs /if ?>> <?cs var:S.CCat.has_period ?></label>
    </div>
    <div class="field">
      <label><input type="checkbox" name="active" value="1"<?cs if:Form.active.value ?> checked<?cs /if ?>> <?cs var:S.CCat.active_long ?></label>
    </div>
    </fieldset>
    <fieldset><legend><?cs var:S.CCat.cols ?></legend>
    <p class="hint"><?cs var:S.CCat.cols_hint ?></p>
    <?cs if:Form.cols.error ?><p class="error-text" id="cols-error"><?cs var:Form.cols.error ?></p><?cs /if ?>
    <table class="list" id="ccat-cols">
      <thead><tr>
        <th scope="col">#</th>
        <th scope="col"><?cs var:S.CCat.col_code ?></th>
        <th scope="col"><?cs var:S.CCat.col_label ?></th>
        <th scope="col"><?cs var:S.CCat.col_kind ?></th>
        <th scope="col"><?cs var:S.CCat.col_required ?></th>
        <th scope="col"><?cs var:S.CCat.col_max ?></th>
        <th scope="col"><?cs var:S.CCat.col_choices ?></th>
      </tr></thead>
      <tbody>
      <?cs each:c = Cols ?>
        <tr>
          <td><?cs var:c.n ?></td>
          <td><input name="col_code_<?cs var:c.n ?>" value="<?cs var:c.code ?>" maxlength="40" size="12" aria-label="<?cs var:S.CCat.col_code ?> <?cs var:c.n ?>"<?cs call:cell_invalid(c, "code") ?>><?cs call:cell_error(c, "code") ?></td>
          <td><input name="col_label_<?cs var:c.n ?>" value="<?cs var:c.label ?>" maxlength="50" size="14" aria-label="<?cs var:S.CCat.col_label ?> <?cs var:c.n ?>"<?cs call:cell_invalid(c, "label") ?>><?cs call:cell_error(c, "label") ?></td>
          <td><select name="col_kind_<?cs var:c.n ?>" aria-label="<?cs var:S.CCat.col_kind ?> <?cs var:c.n ?>"<?cs call:cell_invalid(c, "kind") ?>>
            <?cs each:k = S.CCat.kind ?><option value="<?cs var:name(k) ?>"<?cs if:c.kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?>
          </select><?cs call:cell_error(c, "kind") ?></td>
          <td><input type="checkbox" name="col_required_<?cs var:c.n ?>" value="1"<?cs if:c.required ?> checked<?cs /if ?> aria-label="<?cs var:S.CCat.col_required ?> <?cs var:c.n ?>"></td>
          <td><input name="col_max_<?cs var:c.n ?>" value="<?cs var:c.max_len ?>" maxlength="3" size="4" inputmode="numeric" aria-label="<?cs var:S.CCat.col_max ?> <?cs var:c.n ?>"<?cs call:cell_invalid(c, "max_len") ?>><?cs call:cell_error(c, "max_len") ?></td>
          <td><input name="col_choices_<?cs var:c.n ?>" value="<?cs var:c.choices ?>" maxlength="500" size="20" aria-label="<?cs var:S.CCat.col_choices ?> <?cs var:c.n ?>"<?cs call:cell_invalid(c, "choices") ?>><?cs call:cell_error(c, "choices") ?></td>
        </tr>
      <?cs /each ?>
      </tbody>
    </table>
    <p class="hint"><?cs var:S.CCat.more_rows ?></p>
    </fieldset>
    <button type="submit" id="ccat-save"><?cs var:S.CCat.save ?></button>
  </form>
  <p class="muted"><?cs var:S.CCat.audited ?></p>
</section>
<?cs /def ?>
