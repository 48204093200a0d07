<?cs include:"_pager.cs" ?>
<?cs def:title() ?><?cs var:S.Feedback.manage ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Feedback.manage ?></h1>
  <p><?cs var:S.Feedback.manage_intro ?></p>
  <form method="get" action="/feedback/manage" class="inline search" novalidate>
    <div class="field">
      <label for="state"><?cs var:S.Feedback.state ?></label>
      <select id="state" name="state">
        <option value=""><?cs var:S.News.all ?></option>
        <?cs each:k = S.FeedbackState ?><option value="<?cs var:name(k) ?>"<?cs if:Form.state.value == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option>
        <?cs /each ?>
      </select>
    </div>
    <button type="submit"><?cs var:S.News.filter ?></button>
  </form>
  <?cs if:subcount(Manage.rows) > 0 ?>
  <table id="feedback-list">
    <thead><tr><th scope="col"><?cs var:S.Feedback.subject ?></th><th scope="col"><?cs var:S.Feedback.kind ?></th><th scope="col"><?cs var:S.Feedback.sender ?></th><th scope="col"><?cs var:S.Feedback.region ?></th><th scope="col"><?cs var:S.Feedback.created ?></th><th scope="col"><?cs var:S.Feedback.state ?></th></tr></thead>
    <tbody>
    <?cs each:f = Manage.rows ?>
    <tr<?cs if:f.kind == "important" ?> class="flagged"<?cs /if ?>>
      <td><?cs if:f.kind == "important" ?><span class="badge pinned"><?cs var:S.Feedback.flag ?></span> <?cs /if ?><a href="/feedback/<?cs var:f.id ?>"><?cs var:f.subject ?></a></td>
      <td><?cs var:S.FeedbackKind[f.kind] ?></td>
      <td><?cs var:f.sender ?><?cs if:f.org ?>（<?cs var:f.org ?>）<?cs /if ?></td>
      <td><?cs var:f.region_name ?></td>
      <td><?cs var:f.created ?></td>
      <td class="status-<?cs var:f.state ?>"><?cs var:S.FeedbackState[f.state] ?></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  <?cs else ?>
  <p class="notice" id="feedback-none"><?cs var:S.Feedback.manage_none ?></p>
  <?cs /if ?>
  <?cs call:pager() ?>
</section>
<?cs /def ?>
