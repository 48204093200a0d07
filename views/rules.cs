<?cs def:title() ?><?cs var:S.Rules.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Rules.title ?></h1>
  <p><?cs var:S.Rules.intro ?></p>
  <?cs if:Current.id ?><p><a class="button" href="/rules/<?cs var:Current.id ?>?view=text" id="rules-current"><?cs var:S.Rules.current ?></a></p><?cs /if ?>
  <?cs if:Can.draft ?><p><a href="/rules/new" id="rules-new"><?cs var:S.Rules.new ?></a></p><?cs /if ?>
  <table class="list" id="rules-list">
    <thead><tr><th scope="col"><?cs var:S.Rules.version ?></th><th scope="col"><?cs var:S.Rules.effective ?></th><th scope="col"><?cs var:S.Rules.state ?></th></tr></thead>
    <tbody>
    <?cs each:v = Rules.rows ?>
    <tr id="rule-<?cs var:v.id ?>">
      <td><a href="/rules/<?cs var:v.id ?>"><?cs var:v.title ?></a><?cs if:v.base ?> <span class="badge"><?cs var:S.Rules.revision ?></span><?cs /if ?></td>
      <td><?cs var:v.effective_on ?></td>
      <td class="status-<?cs var:v.state ?>"><?cs if:v.state == "published" ?><?cs if:v.in_force ?><?cs var:S.Rules.in_force ?><?cs else ?><?cs var:S.Rules.not_yet ?><?cs /if ?><?cs else ?><?cs var:S.RuleState[v.state] ?><?cs /if ?></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
</section>
<?cs /def ?>
