<?cs # _ent_facts.cs -- an enterprise's registration and supplementary
     information (Ent.*), shared by the enterprise's own profile and the
     operators' view.  Sealed values arrive masked. ?>
<?cs def:row(label, value) ?><dt><?cs var:label ?></dt><dd><?cs if:value ?><?cs var:value ?><?cs else ?><span class="muted"><?cs var:S.Profile.empty ?></span><?cs /if ?></dd><?cs /def ?>
<?cs def:ent_facts() ?>
  <h2><?cs var:S.Profile.registration ?><?cs if:RegMark.id ?> <strong class="objection-mark" id="mark-registration"><?cs var:S.Obj.mark ?></strong><?cs /if ?></h2>
  <?cs if:RegMark.id ?><p class="objection-filed" id="registration-objection"><?cs var:S.Obj.mark_filed ?><?cs var:RegMark.day ?><?cs if:RegMark.status == "unconfirmed" ?><?cs var:S.Obj.mark_unconfirmed ?><?cs /if ?> <a class="no-print" href="/objections/<?cs var:RegMark.id ?>"><?cs var:S.Obj.mark_link ?></a></p>
  <?cs elif:User.role == "enterprise" ?><p class="no-print"><a href="/objections/new?subject=registration" id="object-registration"><?cs var:S.Obj.new_registration ?></a></p><?cs /if ?>
  <dl class="facts">
    <dt><?cs var:S.Field.uscc ?></dt><dd id="ent-uscc"><?cs var:Ent.uscc ?></dd>
    <?cs call:row(S.Field.region, Ent.region_name) ?>
    <?cs call:row(S.Field.ent_name, Ent.ent_name) ?>
    <?cs call:row(S.Field.reg_no, Ent.reg_no) ?>
    <?cs call:row(S.Field.legal_name, Ent.legal_name) ?>
    <dt><?cs var:S.Field.legal_id ?></dt><dd id="legal-id"><?cs var:Ent.legal_id ?></dd>
  </dl>
  <h2><?cs var:S.Profile.supplementary ?></h2>
  <dl class="facts">
    <?cs call:row(S.Field.address, Ent.address) ?>
    <?cs call:row(S.Field.business_scope, Ent.business_scope) ?>
    <?cs call:row(S.Field.reg_capital, Ent.reg_capital) ?>
    <?cs call:row(S.Field.org_form, S.OrgForm[Ent.org_form]) ?>
    <?cs call:row(S.Field.industry, S.Industry[Ent.industry]) ?>
    <?cs call:row(S.Field.size, S.Size[Ent.size]) ?>
    <?cs call:row(S.Field.headcount, Ent.headcount) ?>
    <?cs call:row(S.Field.revenue, Ent.revenue) ?>
    <?cs call:row(S.Field.main_name, Ent.main_name) ?>
    <?cs call:row(S.Field.main_title, Ent.main_title) ?>
    <dt><?cs var:S.Field.main_mobile ?></dt><dd id="main-mobile"><?cs var:Ent.main_mobile ?></dd>
    <?cs call:row(S.Field.main_email, Ent.main_email) ?>
    <?cs call:row(S.Field.liaison_name, Ent.liaison_name) ?>
    <?cs call:row(S.Field.liaison_title, Ent.liaison_title) ?>
    <dt><?cs var:S.Field.liaison_mobile ?></dt><dd id="liaison-mobile"><?cs var:Ent.liaison_mobile ?></dd>
    <?cs call:row(S.Field.liaison_email, Ent.liaison_email) ?>
  </dl>
<?cs /def ?>
