// End-to-end: an objection through both portals in two browsers without
// JavaScript (issue 15, R-08.2e) -- the enterprise files one from its
// report with a PDF as evidence, the record is marked 有异议 at once for a
// gov user opening the enterprise's records, the source agency accepts,
// checks and corrects the record's amount, and the enterprise sees the
// corrected record, its history (before and after) and the numbered
// written reply.
//
// The CSV import is another area: the enterprise, its account, a record
// and the granted self-view are put straight into the database (USCC
// 91440100T95W...).  Run by `scripts/dev test` (step e), which exports
// INTERNET, INTRANET and DUIJIE_STATE; needs the mariadb client.

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
const uscc = `91440100T95W${tag}`;
const entName = `广州市九五浏览器测试${tag}有限公司`;
const entUser = `t95w-${tag}`;
const penalty = `穗市监罚〔2026〕异议${tag}号`;

let browser;
let ent = '';
let record = '';
let objection = '';
const pages = {};

function sql(statement) {
  return execFileSync('mariadb', ['--no-defaults', '-S', path.join(STATE, 'run', 'mysqld.sock'),
    '-uroot', '-N', '-B', 'duijie', '-e', statement], { encoding: 'utf8' }).trim();
}

before(async () => {
  assert.ok(INTERNET && INTRANET, 'INTERNET and INTRANET must be set');
  assert.ok(STATE, 'DUIJIE_STATE must be set (the database socket lives there)');
  sql(`INSERT INTO enterprises (uscc, name, region_code) VALUES ('${uscc}', '${entName}', '440100')`);
  ent = sql(`SELECT id FROM enterprises WHERE uscc = '${uscc}'`);
  sql(`INSERT INTO users (username, role, region_code, org_kind, org_id, real_name,
    pw_hash, must_change_pw) SELECT '${entUser}', 'enterprise', '440100', 'enterprise', ${ent},
    '异议测试联系人', pw_hash, 0 FROM users WHERE username = 'ent-a'`);
  const agency = sql("SELECT org_id FROM users WHERE username = 'gov-gz'");
  const gov = sql("SELECT id FROM users WHERE username = 'gov-gz'");
  const batch = sql(`INSERT INTO credit_batches (agency_id, region_code, category_id, file_name,
    encoding, status, rows_total, rows_new, uploaded_by, confirmed_by, confirmed_at)
    VALUES (${agency}, '440100', 2, 'objection.csv', 'utf-8', 'confirmed', 1, 1, ${gov}, ${gov},
    UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()`);
  const content = JSON.stringify({ doc_no: penalty, violation: '虚假宣传',
    penalty_type: '罚款', amount: '80000.00', content: '', authority: '广州市市场监督管理局' });
  record = sql(`INSERT INTO credit_records (enterprise_id, category_id, agency_id, batch_id,
    decision_date, period_end, content, row_hash) VALUES (${ent}, 2, ${agency}, ${batch},
    '2026-06-01', '2099-06-01', '${content}', UNHEX(SHA2('${tag}-obj', 256)));
    SELECT LAST_INSERT_ID()`);
  const user = sql(`SELECT id FROM users WHERE username = '${entUser}'`);
  sql(`INSERT INTO credit_self_requests (enterprise_id, region_code, user_id, reason, status,
    decided_at, valid_until) VALUES (${ent}, '440100', ${user}, 'browser', 'granted',
    UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL 1 DAY)`);
  browser = await connectBrowser();
});

after(async () => {
  await browser?.close().catch(() => {});
});

const step = stepper(test, STEP_TIMEOUT);

async function signIn(base, user) {
  const page = await signInNoJs(browser, base, user, DEMO_PW, { wait: WAIT });
  assert.notEqual(new URL(page.url()).pathname, '/login', `${user} signed in (at ${page.url()})`);
  pages[user] = page;
  return page;
}

step('R-08.2e the enterprise files an objection from its report, with a PDF', async () => {
  const page = await signIn(INTERNET, entUser);
  await page.goto(`${INTERNET}/my-credit/report`);
  await submit(page, '#report-issue-button');
  assert.match(await page.locator(`table[data-record="${record}"]`).innerText(), /80000\.00/);
  await submit(page, `#object-${record}`);
  assert.equal(new URL(page.url()).pathname, '/objections/new');
  await page.selectOption('#kind', 'wrong');
  await page.fill('#should_say', '罚款金额应为 8000 元');
  await page.fill('#reason', '处罚决定书写明罚款 8000 元，平台录入为 80000 元');
  await page.setInputFiles('#file', {
    name: '处罚决定书.pdf', mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% objection evidence\n1 0 obj <<>> endobj\n%%EOF\n'),
  });
  await page.check('#commit');
  await submit(page, '#objection-submit');
  const m = new URL(page.url()).pathname.match(/^\/objections\/(\d+)$/);
  assert.ok(m, `on the objection's page (at ${page.url()})`);
  objection = m[1];
  assert.match(await page.locator('#done').innerText(), /异议已提交/);
  assert.match(await page.locator('#mark').innerText(), /有异议/);
  assert.match(await page.locator('#obj-clock').innerText(), /剩余\s*20\s*日/);
  assert.equal(await page.locator('a.obj-file').count(), 1, 'the evidence is listed');
});

step('R-08.2e a gov user opening the records sees 有异议 at once', async () => {
  const gov = await signIn(INTRANET, 'gov-gz');
  await gov.goto(`${INTRANET}/credit/${ent}`);
  await gov.check('input[name="purpose"][value="duty"]');
  await submit(gov, '#credit-open');
  const rec = gov.locator(`table[data-record="${record}"]`);
  assert.match(await rec.locator(`#mark-${record}`).innerText(), /有异议/);
  assert.match(await rec.locator('.objection-filed').innerText(), /异议提出日期：\d{4}-\d{2}-\d{2}/);
});

step('R-08.2e the source agency accepts, checks and corrects the record', async () => {
  const gov = pages['gov-gz'];
  await gov.goto(`${INTRANET}/objections`);
  await submit(gov, `tr[data-objection="${objection}"] a.objection-link`);
  await submit(gov, '#accept');
  assert.match(await gov.locator('#done').innerText(), /已受理/);
  await gov.fill('#note', '调取决定书原件核对，金额录入有误');
  await submit(gov, '#do-check');
  assert.equal(await gov.locator('#obj-status').getAttribute('data-status'), 'checked');
  await gov.getByLabel('罚款金额（元）').fill('8000.00');
  await gov.fill('#note', '按处罚决定书更正罚款金额为 8000 元');
  await submit(gov, '#do-correct');
  assert.equal(await gov.locator('#obj-status').getAttribute('data-status'), 'corrected');
  assert.match(await gov.locator('#reply-link').innerText(), /^GDYY-\d{8}-\d{8}$/);
});

step('R-08.2e the enterprise sees the corrected record, the history and the reply', async () => {
  const page = pages[entUser];
  await page.goto(`${INTERNET}/objections/${objection}`);
  assert.equal(await page.locator('#obj-status').getAttribute('data-status'), 'corrected');
  assert.match(await page.locator('#record').innerText(), /8000\.00/);
  assert.equal(await page.locator('#mark').count(), 0, 'the mark is gone');
  const change = page.locator('li.event-correct tr.change');
  assert.equal(await change.locator('td.old').innerText(), '80000.00');
  assert.equal(await change.locator('td.new').innerText(), '8000.00');
  for (const a of ['file', 'accept', 'check', 'correct'])
    assert.equal(await page.locator(`li[data-action="${a}"]`).count(), 1, `history: ${a}`);
  const no = await page.locator('#reply-link').innerText();
  await submit(page, '#reply-link');
  assert.equal(await page.locator('#reply-no').innerText(), no);
  assert.match(await page.locator('#reply-outcome').innerText(), /已予更正/);
  assert.equal(await page.locator('body.print').count(), 1, 'the reply prints');
  await page.goto(`${INTERNET}/my-credit/report`);
  if (await page.locator('#report-issue-button').count() > 0)
    await submit(page, '#report-issue-button');
  const rec = page.locator(`table[data-record="${record}"]`);
  assert.match(await rec.innerText(), /8000\.00/);
  assert.doesNotMatch(await rec.innerText(), /80000\.00/);
  assert.equal(await page.locator(`#mark-${record}`).count(), 0, 'no mark on the report');
});
