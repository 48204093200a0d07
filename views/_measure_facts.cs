<?cs def:measure_facts(m) ?>
  <dl class="facts">
    <dt><?cs var:S.Measures.enterprise ?></dt><dd id="measure-ent"><?cs var:m.ent_name ?>（<?cs var:m.ent_uscc ?>）</dd>
    <dt><?cs var:S.Measures.kind ?></dt><dd id="measure-kind"><?cs var:m.kind_label ?></dd>
    <dt><?cs var:S.Measures.reason ?></dt><dd id="measure-reason" class="pre"><?cs var:m.reason ?></dd>
    <dt><?cs var:S.Measures.starts ?></dt><dd id="measure-starts"><?cs var:m.starts_on ?></dd>
    <dt><?cs var:S.Measures.ends ?></dt><dd id="measure-ends"><?cs if:m.ends_on ?><?cs var:m.ends_on ?><?cs var:S.Measures.ends_incl ?><?cs else ?><?cs var:S.Measures.no_end ?><?cs /if ?></dd>
    <dt><?cs var:S.Measures.state ?></dt><dd id="measure-state" class="status-<?cs var:m.shown ?>"><?cs var:m.shown_label ?></dd>
    <?cs if:m.fi_name ?><dt><?cs var:S.Measures.fi ?></dt><dd id="measure-fi"><?cs var:m.fi_name ?></dd><?cs /if ?>
    <dt><?cs var:S.Measures.by_office ?></dt><dd><?cs if:m.fi_name ?><?cs var:m.fi_name ?><?cs else ?><?cs var:S.Measures.office ?><?cs var:m.region_name ?><?cs /if ?></dd>
    <?cs if:m.note ?><dt><?cs var:S.Measures.note ?></dt><dd id="measure-note" class="pre"><?cs var:m.note ?></dd><?cs /if ?>
    <?cs if:m.lifted ?><dt><?cs var:S.Measures.lifted ?></dt><dd id="measure-lifted"><?cs var:m.lifted ?></dd><?cs /if ?>
  </dl>
<?cs /def ?>
