// End-to-end: a measure on an enterprise user (issue 16 "Measures on
// enterprise users", R-15.1) in browsers without JavaScript, through nginx
// into MariaDB -- op-gz proposes a suspension of ent-a's publishing from
// the menu's 管理措施 page; sup-gz approves it (four eyes); ent-a's next
// attempt to publish an application is the 403 page naming the measure,
// its reason, dates and how to appeal, while its 管理措施 page lists it;
// op-gz asks to lift it with a reason, sup-gz approves the lift, and ent-a
// opens the application form again.
//
// Run by `scripts/dev test` (step e), which exports INTERNET, INTRANET,
// DUIJIE_STATE and NODE_EXTRA_CA_CERTS; needs the mariadb client.  The
// measure's reason carries this run's tag; the measures so tagged are
// removed at the end.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { connectBrowser, signInNoJs, stepper, submit } from './browser.mjs';

const INTERNET = (process.env.INTERNET || '').replace(/\/+$/, '');
const INTRANET = (process.env.INTRANET || '').replace(/\/+$/, '');
const STATE = process.env.DUIJIE_STATE || '';
const DEMO_PW = 'Demo-Pass-2026';
const STEP_TIMEOUT = 60_000;
const WAIT = 15_000;

const tag = String(Date.now() % 1_000_000).padStart(6, '0');
const reason = `浏览器措施测试${tag} 在信贷业务中提供虚假材料`;

let browser;
const pages = {};
let measureId = '';

function sql(statement) {
  return execFileSync('mariadb', ['--no-defaults', '-S', path.join(STATE, 'run', 'mysqld.sock'),
    '-uroot', '-N', '-B', 'duijie', '-e', statement], { encoding: 'utf8' }).trim();
}

before(async () => {
  assert.ok(INTERNET && INTRANET, 'INTERNET and INTRANET must be set');
  assert.ok(STATE, 'DUIJIE_STATE must be set (the database socket lives there)');
  browser = await connectBrowser();
});

after(async () => {
  try {
    sql(`DELETE i FROM inbox i JOIN measures m ON i.link = CONCAT('/measures/', m.id) WHERE m.reason LIKE '浏览器措施测试${tag}%'`);
    sql(`DELETE FROM measures WHERE reason LIKE '浏览器措施测试${tag}%'`);
  } catch (e) {
    console.error(`# cleanup: ${e.message}`);
  }
  await browser?.close().catch(() => {});
});

const step = stepper(test, STEP_TIMEOUT);

async function signIn(base, user) {
  const page = await signInNoJs(browser, base, user, DEMO_PW, { wait: WAIT });
  assert.ok(!new URL(page.url()).pathname.startsWith('/login'), `${user} signed in (at ${page.url()})`);
  pages[user] = page;
  return page;
}

function beijingToday() {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  }).format(new Date());
}

function atMeasure(page, what) {
  const u = new URL(page.url());
  assert.equal(u.pathname, `/measures/${measureId}`, `on the measure (at ${page.url()})`);
  assert.equal(u.searchParams.get('done'), what, `done=${what} (at ${page.url()})`);
}

step('R-15.1: op-gz proposes a suspension of ent-a\'s publishing from the menu', async () => {
  const uscc = sql("SELECT e.uscc FROM enterprises e JOIN users u ON u.org_id = e.id AND u.org_kind = 'enterprise' WHERE u.username = 'ent-a'");
  const page = await signIn(INTRANET, 'op-gz');
  await page.goto(`${INTRANET}/users`);
  await submit(page, 'a[href="/measures"]');
  await submit(page, '#measure-new');
  await page.fill('#enterprise', uscc);
  await page.selectOption('#kind', 'suspend_publish');
  await page.fill('#reason', reason);
  await page.fill('#starts_on', beijingToday());
  await submit(page, '#measure-save');
  const u = new URL(page.url());
  measureId = (u.pathname.match(/^\/measures\/(\d+)$/) || [])[1] || '';
  assert.match(measureId, /^\d+$/, `at the new measure (${page.url()})`);
  atMeasure(page, 'proposed');
  assert.equal((await page.textContent('#measure-state')).trim(), '待批准');
});

step('R-15.1: sup-gz approves it (four eyes)', async () => {
  const page = await signIn(INTRANET, 'sup-gz');
  await page.goto(`${INTRANET}/measures?state=pending`);
  await submit(page, `a[href="/measures/${measureId}"]`);
  assert.ok((await page.textContent('#measure-reason')).includes(reason));
  await submit(page, '#measure-approve');
  atMeasure(page, 'approved');
  assert.equal((await page.textContent('#measure-state')).trim(), '执行中');
});

step('R-15.1: ent-a is refused publishing with the page naming the measure', async () => {
  const page = await signIn(INTERNET, 'ent-a');
  await page.goto(`${INTERNET}/loans`);
  const resp = await submit(page, 'a[href="/loans/new"]');
  assert.equal(resp.status(), 403, 'publishing is refused');
  assert.equal((await page.textContent('#measure-refused')).trim(), '该操作因管理措施暂不可用');
  assert.equal((await page.textContent('#measure-kind')).trim(), '暂停发布信贷申请');
  assert.ok((await page.textContent('#measure-reason')).includes(reason), 'the reason is named');
  assert.equal((await page.textContent('#measure-starts')).trim(), beijingToday());
  assert.ok((await page.textContent('#measure-appeal')).includes('如对该措施有异议'), 'how to appeal');
  await submit(page, `#measure-appeal a[href="/measures/${measureId}"]`);
  assert.equal(new URL(page.url()).pathname, `/measures/${measureId}`);
  await submit(page, 'nav.menu a[href="/measures"]');
  assert.ok(await page.isVisible(`#measure-${measureId}`), 'its 管理措施 page lists it');
});

step('R-15.1: op-gz asks to lift it, sup-gz approves, ent-a publishes again', async () => {
  const op = pages['op-gz'];
  await op.goto(`${INTRANET}/measures/${measureId}`);
  await op.fill('#lift-note', `已整改（${tag}）`);
  await submit(op, '#measure-lift');
  atMeasure(op, 'lift_asked');
  const sup = pages['sup-gz'];
  await sup.goto(`${INTRANET}/measures/${measureId}`);
  await submit(sup, '#measure-approve');
  atMeasure(sup, 'approved');
  assert.equal((await sup.textContent('#measure-state')).trim(), '已解除');
  const ent = pages['ent-a'];
  const resp = await ent.goto(`${INTERNET}/loans/new`);
  assert.equal(resp.status(), 200, 'the form opens again');
  assert.ok(await ent.isVisible('#loan-save'));
});
