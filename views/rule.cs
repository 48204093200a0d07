<?cs include:"_field.cs" ?>
<?cs def:title() ?><?cs var:Rule.title ?><?cs /def ?>
<?cs def:content() ?>
<article class="article">
  <p class="no-print"><a href="/rules"><?cs var:S.Rules.back ?></a></p>
  <?cs if:Done ?><p class="notice" id="done"><?cs var:Done ?></p><?cs /if ?>
  <h1 id="rule-title"><?cs var:Rule.title ?></h1>
  <p class="muted"><?cs var:S.Rules.effective ?>：<strong id="rule-effective"><?cs var:Rule.effective_on ?></strong>
  · <span id="rule-state" class="status-<?cs var:Rule.state ?>"><?cs if:Rule.state == "published" ?><?cs if:Rule.in_force ?><?cs var:S.Rules.in_force ?><?cs else ?><?cs var:S.Rules.not_yet ?><?cs /if ?><?cs else ?><?cs var:S.RuleState[Rule.state] ?><?cs /if ?></span>
  <?cs if:Rule.published ?> · <?cs var:S.Rules.published ?><?cs var:Rule.published ?><?cs /if ?></p>
  <?cs if:Rule.summary ?><div class="notice"><p><strong><?cs var:S.Rules.summary ?></strong></p><p class="pre" id="rule-summary"><?cs var:Rule.summary ?></p></div><?cs /if ?>
  <?cs if:Rule.base ?>
  <p class="no-print"><?cs var:S.Rules.compared ?><a href="/rules/<?cs var:Rule.base ?>?view=text"><?cs var:Base.title ?>（<?cs var:Base.effective_on ?>）</a> ·
  <?cs if:View.diff ?><a href="/rules/<?cs var:Rule.id ?>?view=text" id="rule-view-text"><?cs var:S.Rules.view_text ?></a><?cs else ?><a href="/rules/<?cs var:Rule.id ?>?view=diff" id="rule-view-diff"><?cs var:S.Rules.view_diff ?></a><?cs /if ?></p>
  <?cs /if ?>
  <?cs if:View.diff ?>
  <?cs if:Diff.too_big ?><p class="notice" id="diff-too-big"><?cs var:S.Rules.too_big ?></p><?cs else ?>
  <p id="diff-counts"><?cs var:S.Rules.added ?><?cs var:Diff.added ?> · <?cs var:S.Rules.deleted ?><?cs var:Diff.deleted ?></p>
  <div class="rule-diff" id="rule-diff">
  <?cs each:d = Diff.rows ?><?cs if:d.op == "same" ?><p class="same"><?cs var:d.text ?></p><?cs elif:d.op == "del" ?><p class="del"><del><span class="muted"><?cs var:S.Rules.del_mark ?></span><?cs var:d.text ?></del></p><?cs else ?><p class="add"><ins><span class="muted"><?cs var:S.Rules.add_mark ?></span><?cs var:d.text ?></ins></p><?cs /if ?>
  <?cs /each ?>
  </div>
  <?cs /if ?>
  <?cs else ?>
  <div class="rule-text" id="rule-text">
  <?cs each:p = Text ?><p><?cs var:p ?></p>
  <?cs /each ?>
  </div>
  <?cs /if ?>
  <?cs if:Can.edit || Can.approve || Can.reject ?>
  <div class="notice no-print" id="rule-admin">
    <?cs if:Rule.drafter ?><p><?cs var:S.Rules.drafter ?><?cs var:Rule.drafter ?></p><?cs /if ?>
    <div class="actions">
      <?cs if:Can.edit ?><a class="button" href="/rules/<?cs var:Rule.id ?>/edit" id="rule-edit"><?cs var:S.Rules.edit ?></a><?cs /if ?>
      <?cs if:Can.submit ?><form method="post" action="/rules/<?cs var:Rule.id ?>/submit" class="inline"><?cs call:csrf() ?><button type="submit" id="rule-submit"><?cs var:S.Rules.submit ?></button></form><?cs /if ?>
      <?cs if:Can.approve ?><form method="post" action="/rules/<?cs var:Rule.id ?>/approve" class="inline"><?cs call:csrf() ?><button type="submit" id="rule-approve"><?cs var:S.Rules.approve ?></button></form><?cs /if ?>
      <?cs if:Can.reject ?><form method="post" action="/rules/<?cs var:Rule.id ?>/reject" class="inline"><?cs call:csrf() ?><button type="submit" class="secondary" id="rule-reject"><?cs var:S.Rules.reject ?></button></form><?cs /if ?>
    </div>
    <?cs if:Can.reject && !Can.approve ?><p class="muted" id="rule-four-eyes"><?cs var:S.Rules.four_eyes ?></p><?cs /if ?>
  </div>
  <?cs /if ?>
</article>
<?cs /def ?>
