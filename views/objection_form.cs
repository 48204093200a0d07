<?cs include:"_objection.cs" ?>
<?cs def:title() ?><?cs var:S.Obj.form_title ?> <?cs var:Obj.id ?><?cs /def ?>
<?cs def:content() ?>
<div class="no-print print-bar"><p><?cs var:S.Obj.print_hint ?></p><p><a href="/objections/<?cs var:Obj.id ?>"><?cs var:S.Obj.back_one ?></a></p></div>
<article class="obj-print" id="objection-form-print">
  <p class="print-platform"><?cs var:S.site_name ?></p>
  <h1 class="print-title"><?cs var:S.Obj.form_title ?></h1>
  <table class="print-form">
    <tr><th><?cs var:S.Obj.no ?></th><td id="print-no"><?cs var:Obj.id ?></td><th><?cs var:S.Obj.filed ?></th><td><?cs var:Obj.filed_at ?></td></tr>
    <tr><th><?cs var:S.Obj.enterprise ?></th><td colspan="3"><?cs var:Obj.ent ?>（<?cs var:Obj.uscc ?>）</td></tr>
    <tr><th><?cs var:S.Obj.clock ?></th><td colspan="3"><?cs call:obj_clock(Obj) ?></td></tr>
    <tr><th><?cs var:S.Obj.kind_label ?></th><td colspan="3"><?cs var:S.Obj.kind[Obj.kind] ?></td></tr>
    <tr><th><?cs var:S.Obj.should_say ?></th><td colspan="3" class="pre"><?cs var:Obj.should_say ?></td></tr>
    <tr><th><?cs var:S.Obj.reason ?></th><td colspan="3" class="pre"><?cs var:Obj.reason ?></td></tr>
    <tr><th><?cs var:S.Obj.evidence ?></th><td colspan="3"><?cs each:f = Files ?><?cs var:f.name ?>；<?cs /each ?><?cs if:subcount(Files) == 0 ?><?cs var:S.Obj.no_files ?><?cs /if ?></td></tr>
  </table>
  <h2><?cs var:S.Obj.subject ?></h2>
  <?cs call:obj_record() ?>
  <p class="commitment" id="commitment"><?cs var:S.Obj.commitment ?></p>
  <p class="signature" id="signature"><?cs var:S.Obj.signature ?></p>
</article>
<?cs /def ?>
