<?cs def:title() ?><?cs var:S.Claim.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Claim.title ?></h1>
  <p class="muted"><?cs if:Scope.region == "440000" ?><?cs var:S.Claim.scope_all ?><?cs else ?><?cs var:S.Claim.scope_city ?><?cs var:Scope.region_name ?><?cs /if ?></p>
  <p class="muted"><?cs var:S.Claim.intro ?></p>
  <?cs if:Done ?><p class="notice ok" id="done"><?cs var:S.Claim.done[Done] ?></p><?cs /if ?>
  <?cs if:subcount(Claims) > 0 ?>
  <table class="list" id="claims">
    <thead><tr>
      <th scope="col"><?cs var:S.Claim.col_ent ?></th>
      <th scope="col"><?cs var:S.Claim.col_account ?></th>
      <th scope="col"><?cs var:S.Claim.col_created ?></th>
      <th scope="col"><?cs var:S.Claim.col_licence ?></th>
    </tr></thead>
    <tbody>
    <?cs each:c = Claims ?>
      <tr data-claim="<?cs var:c.id ?>" data-uscc="<?cs var:c.uscc ?>">
        <td><a href="/claims/<?cs var:c.id ?>"><?cs var:c.ent_name ?></a><br><span class="muted"><?cs var:c.uscc ?>（<?cs var:c.region_name ?>）</span></td>
        <td><?cs var:c.username ?><br><span class="muted"><?cs var:c.contact_name ?></span></td>
        <td><?cs var:c.created ?></td>
        <td><a href="/claims/<?cs var:c.id ?>/licence"><?cs var:S.Claim.view ?></a>（<?cs var:c.licence_type ?>，<?cs var:c.licence_kb ?> KB）</td>
      </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="claims-none"><?cs var:S.Claim.none ?></p>
  <?cs /if ?>
</section>
<?cs /def ?>
