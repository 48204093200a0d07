<?cs def:title() ?><?cs var:S.Account.title ?><?cs /def ?>
<?cs def:content() ?>
<section>
  <h1><?cs var:S.Account.title ?></h1>
  <?cs if:Account.changed ?><p class="notice" id="changed"><?cs var:S.Account.changed ?></p><?cs /if ?>
  <?cs if:Account.contact_changed ?><p class="notice" id="contact-changed"><?cs var:S.Account.contact_changed ?></p><?cs /if ?>
  <?cs if:Account.lock_notice ?><p class="notice" id="lock-notice"><?cs var:S.Account.lock_notice ?><?cs var:Account.lock_notice ?><?cs var:S.Account.lock_notice_after ?></p><?cs /if ?>
  <dl class="facts">
    <dt><?cs var:S.Account.username ?></dt><dd id="acct-username"><?cs var:User.username ?></dd>
    <dt><?cs if:User.role == "enterprise" ?><?cs var:S.Account.contact_person ?><?cs else ?><?cs var:S.Account.real_name ?><?cs /if ?></dt><dd id="acct-real-name"><?cs var:User.real_name ?></dd>
    <dt><?cs var:S.Account.role ?></dt><dd id="acct-role"><?cs var:User.role_label ?></dd>
    <dt><?cs var:S.Account.region ?></dt><dd><?cs var:User.region_name ?>（<?cs var:User.region ?>）</dd>
    <dt><?cs var:S.Account.org ?></dt><dd><?cs var:User.org_name ?></dd>
    <dt><?cs var:S.Account.contact ?></dt><dd id="acct-contact"><?cs var:Account.contact ?><?cs if:User.role == "enterprise" ?> <a href="/account/contact" id="contact-change"><?cs var:S.Account.contact_change ?></a><?cs /if ?></dd>
    <dt><?cs var:S.Account.last_login ?></dt><dd id="acct-last-login"><?cs if:Account.last_login ?><?cs var:Account.last_login ?><?cs else ?>-<?cs /if ?></dd>
    <dt><?cs var:S.Account.pw_age ?></dt><dd><?cs var:Account.pw_age ?> <?cs var:S.Account.days ?></dd>
    <?cs if:User.role != "enterprise" ?><dt><?cs var:S.Account.totp ?></dt><dd><?cs if:Account.totp == "1" ?><?cs var:S.Account.totp_on ?><?cs else ?><?cs var:S.Account.totp_off ?><?cs /if ?></dd><?cs /if ?>
  </dl>
</section>
<?cs /def ?>
