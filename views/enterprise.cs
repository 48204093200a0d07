<?cs include:"_ent_facts.cs" ?>
<?cs def:title() ?><?cs var:S.Ent.title ?> <?cs var:Ent.uscc ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <p><a href="/enterprises"><?cs var:S.Ent.back ?></a></p>
  <h1><?cs var:S.Ent.title ?>：<?cs var:Ent.ent_name ?></h1>
  <?cs if:Ent.complete ?><p class="notice ok" id="complete"><?cs var:S.Ent.complete ?></p>
  <?cs else ?><div class="notice" id="missing"><p><?cs var:S.Ent.missing ?></p><ul><?cs each:m = Missing ?><li><?cs var:m ?></li><?cs /each ?></ul></div><?cs /if ?>
  <p class="muted"><?cs var:S.Ent.masked ?></p>
  <?cs call:ent_facts() ?>
  <p class="no-print" id="ent-measures"><a href="/measures?q=<?cs var:Ent.uscc ?>"><?cs var:S.Measures.of_ent ?></a><?cs if:User.role == "operator" ?> · <a href="/measures/new?enterprise=<?cs var:Ent.uscc ?>" id="ent-measure-new"><?cs var:S.Measures.new ?></a><?cs /if ?></p>
  <h2><?cs var:S.Ent.accounts ?></h2>
  <?cs if:subcount(Accounts) > 0 ?>
  <table class="list" id="accounts">
    <thead><tr><th scope="col"><?cs var:S.Users.col_username ?></th><th scope="col"><?cs var:S.Users.col_status ?></th></tr></thead>
    <tbody>
    <?cs each:u = Accounts ?><tr><td><a href="/users/<?cs var:u.id ?>" class="account-link"><?cs var:u.username ?></a></td><td class="status-<?cs var:u.status ?>"><?cs var:S.Status[u.status] ?></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="muted" id="no-accounts"><?cs var:S.Ent.no_accounts ?></p>
  <?cs /if ?>
  <h2 id="history"><?cs var:S.Profile.history ?></h2>
  <?cs if:Ent.late_changes != "0" ?><p class="muted" id="late-count"><?cs var:S.Profile.late_count ?><?cs var:Ent.late_changes ?></p><?cs /if ?>
  <?cs if:HistoryCapped ?><p class="muted"><?cs var:S.Ent.history_capped ?><?cs var:HistoryCapped ?></p><?cs /if ?>
  <?cs if:subcount(History) > 0 ?>
  <table class="list" id="history-table">
    <thead><tr><th scope="col"><?cs var:S.Profile.h_field ?></th><th scope="col"><?cs var:S.Profile.h_old ?></th><th scope="col"><?cs var:S.Profile.h_new ?></th><th scope="col"><?cs var:S.Profile.h_changed ?></th><th scope="col"><?cs var:S.Profile.h_entered ?></th><th scope="col"><?cs var:S.Profile.h_by ?></th></tr></thead>
    <tbody>
    <?cs each:h = History ?><tr<?cs if:h.late ?> class="late"<?cs /if ?>><td><?cs var:h.field ?></td><td><?cs var:h.old ?></td><td><?cs var:h.new ?></td><td><?cs var:h.changed_on ?></td><td><?cs var:h.entered ?><?cs if:h.late ?> <strong class="late-mark"><?cs var:S.Profile.late ?></strong><?cs /if ?></td><td><?cs var:h.by ?></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="muted" id="no-history"><?cs var:S.Ent.no_history ?></p>
  <?cs /if ?>
</section>
<?cs /def ?>
