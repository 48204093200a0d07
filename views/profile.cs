<?cs include:"_ent_facts.cs" ?>
<?cs def:title() ?><?cs var:S.Profile.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Profile.title ?></h1>
  <?cs if:Profile.welcome ?><p class="notice" id="welcome"><?cs var:S.Profile.welcome ?></p><?cs /if ?>
  <?cs if:Profile.saved ?><p class="notice" id="saved"><?cs var:S.Profile.saved ?><?cs var:Profile.saved ?></p><?cs /if ?>
  <?cs if:Ent.complete ?><p class="notice ok" id="complete"><?cs var:S.Profile.complete ?></p>
  <?cs else ?><div class="notice" id="missing"><p><?cs var:S.Profile.missing ?></p><ul><?cs each:m = Missing ?><li><?cs var:m ?></li><?cs /each ?></ul></div><?cs /if ?>
  <p><a class="button" href="/profile/edit" id="edit-profile"><?cs var:S.Profile.edit ?></a></p>
  <?cs call:ent_facts() ?>
  <h2 id="history"><?cs var:S.Profile.history ?></h2>
  <?cs if:Ent.late_changes != "0" ?><p class="muted"><?cs var:S.Profile.late_count ?><?cs var:Ent.late_changes ?></p><?cs /if ?>
  <table class="list" id="history-table">
    <thead><tr><th scope="col"><?cs var:S.Profile.h_field ?></th><th scope="col"><?cs var:S.Profile.h_old ?></th><th scope="col"><?cs var:S.Profile.h_new ?></th><th scope="col"><?cs var:S.Profile.h_changed ?></th><th scope="col"><?cs var:S.Profile.h_entered ?></th><th scope="col"><?cs var:S.Profile.h_by ?></th></tr></thead>
    <tbody>
    <?cs each:h = History ?><tr<?cs if:h.late ?> class="late"<?cs /if ?>><td><?cs var:h.field ?></td><td><?cs var:h.old ?></td><td><?cs var:h.new ?></td><td><?cs var:h.changed_on ?></td><td><?cs var:h.entered ?><?cs if:h.late ?> <strong class="late-mark"><?cs var:S.Profile.late ?></strong><?cs /if ?></td><td><?cs var:h.by ?></td></tr>
    <?cs /each ?>
    </tbody>
  </table>
</section>
<?cs /def ?>
