<?cs def:credit_records() ?>
<?cs if:subcount(Records) > 0 ?>
<p class="muted" id="record-count"><?cs var:S.Credit.count ?><?cs var:RecordCount ?><?cs var:S.Credit.count_unit ?><?cs if:RecordsCapped ?><?cs var:S.Credit.capped ?><?cs var:RecordsCapped ?><?cs var:S.Credit.capped_unit ?><?cs /if ?></p>
<?cs each:c = Records ?>
<table class="credit-record" data-record="<?cs var:c.id ?>">
  <caption><?cs var:c.n ?>. <?cs var:c.category ?><?cs if:c.objection ?> <strong class="objection-mark" id="mark-<?cs var:c.id ?>"><?cs var:S.Obj.mark ?></strong><?cs /if ?></caption>
  <tbody>
    <?cs if:c.objection ?><tr class="objection-row"><th scope="row"><?cs var:S.Obj.mark ?></th><td class="objection-filed"><?cs var:S.Obj.mark_filed ?><?cs var:c.objection_day ?><?cs if:c.objection_status == "unconfirmed" ?><?cs var:S.Obj.mark_unconfirmed ?><?cs /if ?><?cs if:ObjLinks ?> <a class="no-print" href="/objections/<?cs var:c.objection ?>"><?cs var:S.Obj.mark_link ?></a><?cs /if ?></td></tr><?cs /if ?>
    <tr><th scope="row"><?cs var:c.date_label ?></th><td class="credit-date"><?cs var:c.date ?></td></tr>
    <?cs if:c.period_end ?><tr><th scope="row"><?cs var:S.Credit.period_end ?></th><td class="credit-period"><?cs var:c.period_end ?></td></tr><?cs /if ?>
    <?cs each:f = c.fields ?><tr><th scope="row"><?cs var:f.label ?></th><td><?cs var:f.value ?></td></tr>
    <?cs /each ?>
    <tr><th scope="row"><?cs var:S.Credit.source ?></th><td class="credit-source"><?cs var:c.agency ?></td></tr>
    <tr><th scope="row"><?cs var:S.Credit.batch ?></th><td class="credit-batch"><?cs var:c.batch ?></td></tr>
    <?cs if:ObjLinks && (!c.objection || c.objection_status == "unconfirmed") ?><tr class="no-print"><th scope="row"><?cs var:S.Obj.object ?></th><td><a class="object-link" id="object-<?cs var:c.id ?>" href="/objections/new?record=<?cs var:c.id ?>"><?cs var:S.Obj.object ?></a></td></tr><?cs /if ?>
  </tbody>
</table>
<?cs /each ?>
<?cs else ?>
<p class="notice" id="records-none"><?cs var:S.Credit.none ?></p>
<?cs /if ?>
<?cs /def ?>
