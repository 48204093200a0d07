// End-to-end: an enterprise's own credit information through both portals
// in four browsers without JavaScript -- the enterprise applies, op-gz
// grants, gov-gz opens the records with a purpose, the enterprise prints
// its numbered report to an A4 PDF by Chromium's print-to-PDF and sees
// who viewed it: the agency and the purpose, not the person (R-08.1,
// R-08.2c, R-09.4).  The report is issued by a POST (once a day for the
// same records); reloading it numbers nothing (issue 12).
//
// The CSV import is another area: the enterprise, its account and its
// records are put straight into the database (USCC 91440100T71P...).
// Run by `scripts/dev test` (step e), which exports INTERNET, INTRANET,
// DUIJIE_STATE and NODE_EXTRA_CA_CERTS; needs the mariadb client, pdfinfo
// and pdftotext.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { connectBrowser, signInNoJs, stepper, submit } from './browser.mjs';

const INTERNET = (process.env.INTERNET || '').replace(/\/+$/, '');
const INTRANET = (process.env.INTRANET || '').replace(/\/+$/, '');
const STATE = process.env.DUIJIE_STATE || '';
const PDF = path.join(STATE, 'log', 'credit-report.pdf');
const DEMO_PW = 'Demo-Pass-2026';
const STEP_TIMEOUT = 60_000;
const WAIT = 15_000;

const tag = String(Date.now() % 1_000_000).padStart(6, '0');
const uscc = `91440100T71P${tag}`;
const entName = `广州市七一打印测试${tag}有限公司`;
const entUser = `t71p-${tag}`;
const penalty = `穗市监罚〔2026〕打印${tag}号`;

let browser;
const pages = {};       // user -> page, each in its own context (cookies)
let requestId = '';
let reportNo = '';

// runs SQL as root on the test stack's MariaDB; its output, trimmed
function sql(statement) {
  return execFileSync('mariadb', ['--no-defaults', '-S', path.join(STATE, 'run', 'mysqld.sock'),
    '-uroot', '-N', '-B', 'duijie', '-e', statement], { encoding: 'utf8' }).trim();
}

before(async () => {
  assert.ok(INTERNET && INTRANET, 'INTERNET and INTRANET must be set');
  assert.ok(STATE, 'DUIJIE_STATE must be set (the database socket and the PDF live there)');
  sql(`INSERT INTO enterprises (uscc, name, region_code) VALUES ('${uscc}', '${entName}', '440100')`);
  const ent = sql(`SELECT id FROM enterprises WHERE uscc = '${uscc}'`);
  // ent-a's hash: the demo password; an enterprise user's number is its
  // sealed mobile, its contact empty
  sql(`INSERT INTO users (username, role, region_code, org_kind, org_id, real_name,
    pw_hash, must_change_pw) SELECT '${entUser}', 'enterprise', '440100', 'enterprise', ${ent},
    '打印测试联系人', pw_hash, 0 FROM users WHERE username = 'ent-a'`);
  const agency = sql("SELECT org_id FROM users WHERE username = 'gov-gz'");
  const gov = sql("SELECT id FROM users WHERE username = 'gov-gz'");
  const batch = sql(`INSERT INTO credit_batches (agency_id, region_code, category_id, file_name,
    encoding, status, rows_total, rows_new, uploaded_by, confirmed_by, confirmed_at)
    VALUES (${agency}, '440100', 2, 'print.csv', 'utf-8', 'confirmed', 2, 2, ${gov}, ${gov},
    UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()`);
  const content = JSON.stringify({ doc_no: penalty, violation: '未按规定公示年度报告',
    penalty_type: '警告', amount: '', content: '', authority: '广州市市场监督管理局' });
  sql(`INSERT INTO credit_records (enterprise_id, category_id, agency_id, batch_id, decision_date,
    period_end, content, row_hash) VALUES (${ent}, 2, ${agency}, ${batch}, '2026-06-01',
    '2099-06-01', '${content}', UNHEX(SHA2('${tag}-1', 256))),
    (${ent}, 7, ${agency}, ${batch}, '2026-04-15', NULL, '{"year":"2025","grade":"B"}',
    UNHEX(SHA2('${tag}-2', 256)))`);

  browser = await connectBrowser();   // the suite's one chromium (browser.mjs)
});

after(async () => {
  await browser?.close().catch(() => {});
});

const step = stepper(test, STEP_TIMEOUT);

// a signed-in page of USER on BASE (the test stack has Auth.totp = optional)
async function signIn(base, user) {
  const page = await signInNoJs(browser, base, user, DEMO_PW, { wait: WAIT });
  assert.notEqual(new URL(page.url()).pathname, '/login', `${user} signed in (at ${page.url()})`);
  pages[user] = page;
  return page;
}

function pdfText(file) {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function pdfInfo(file) {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return {
    pages: Number((out.match(/^Pages:\s+(\d+)/m) || [])[1]),
    size: (out.match(/^Page size:\s+(.*)$/m) || [])[1] || '',
  };
}

step('R-08.2c: the enterprise applies to view its own credit information', async () => {
  const page = await signIn(INTERNET, entUser);
  await page.click('nav.menu a[href="/my-credit"]');
  assert.equal(await page.locator('#report-link').count(), 0, 'no report before a grant');
  await page.fill('#reason', '办理银行贷款需要');
  await submit(page, '#apply');
  assert.equal(new URL(page.url()).pathname, '/my-credit');
  assert.equal(await page.locator('#pending').count(), 1, 'the request is pending');
  requestId = await page.getAttribute('#my-requests tr.request-pending', 'data-request');
  assert.match(requestId || '', /^\d+$/);
});

step('R-08.2c: op-gz grants it on the intranet', async () => {
  const op = await signIn(INTRANET, 'op-gz');
  // the menu: the section first, then its page (issue 18)
  await op.click('nav.menu a.section:has-text("信用信息")');
  await op.click('nav.menu a[href="/credit-requests"]');
  await op.check(`#decide-${requestId} input[name="result"][value="grant"]`);
  await submit(op, `#decide-${requestId} button[type="submit"]`);
  assert.equal(await op.locator('#done').count(), 1, `granted (at ${op.url()})`);
  assert.equal(await op.getAttribute(`tr[data-request="${requestId}"]`, 'class'), 'request-granted');
});

step('R-08.1: gov-gz finds the enterprise and opens its records for 行政履职', async () => {
  const gov = await signIn(INTRANET, 'gov-gz');
  await gov.click('nav.menu a[href="/credit"]');
  await gov.fill('#q', uscc);
  await submit(gov, 'form[action="/credit"] button[type="submit"]');
  await submit(gov, `tr[data-uscc="${uscc}"] a.credit-open`);
  assert.equal(await gov.locator('table.credit-record').count(), 0, 'no record before the purpose');
  await gov.check('input[name="purpose"][value="duty"]');
  await submit(gov, '#credit-open');
  assert.equal(await gov.locator('#opened').count(), 1, 'the opening is logged');
  assert.equal(await gov.locator('table.credit-record').count(), 2, 'both current records are shown');
  assert.ok((await gov.textContent('#main')).includes(penalty), 'with their content');
});

// the enterprise's reports and self-queries in the database
function reportRows() {
  return sql(`SELECT CONCAT((SELECT COUNT(*) FROM credit_reports r JOIN enterprises e
    ON e.id = r.enterprise_id WHERE e.uscc = '${uscc}'), ':', (SELECT COUNT(*) FROM credit_queries q
    JOIN enterprises e ON e.id = q.enterprise_id WHERE e.uscc = '${uscc}' AND q.purpose = 'self'))`);
}

step('R-08.2c: the enterprise issues its report (a POST) and prints it to one A4 page with its number', async () => {
  const page = pages[entUser];
  await page.goto(`${INTERNET}/my-credit`);
  assert.equal(await page.getAttribute('#report-form', 'method'), 'post', 'the report is issued by a form POST');
  await submit(page, '#report-link');
  assert.equal(new URL(page.url()).pathname, '/my-credit/report');
  reportNo = (await page.textContent('#report-number')).trim();
  assert.match(reportNo, /^GDXY-\d{8}-\d{8,}$/, `a report number (${reportNo})`);
  assert.equal(reportRows(), '1:1', 'one report, one query-log row');
  await page.reload({ waitUntil: 'load' });
  assert.equal((await page.textContent('#report-number')).trim(), reportNo, 'a reload shows the same report');
  assert.equal(reportRows(), '1:1', 'a reload numbers and logs nothing');
  await page.goto(`${INTERNET}/my-credit`);
  await submit(page, '#report-link');
  assert.equal((await page.textContent('#report-number')).trim(), reportNo,
    'issued again the same day with nothing changed: the same report');
  assert.equal(reportRows(), '1:1', '... and nothing written');
  assert.equal(await page.locator('nav.menu').count(), 0, 'no navigation on the report');

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.print-bar').isVisible(), false, 'the screen-only bar is not printed');
  await page.pdf({ path: PDF, preferCSSPageSize: true, printBackground: true });
  const info = pdfInfo(PDF);
  assert.equal(info.pages, 1, `one page (got ${info.pages})`);
  assert.match(info.size, /\(A4\)/, `A4 (got ${info.size})`);
  const text = pdfText(PDF);
  for (const want of ['企业信用信息报告', reportNo, uscc, entName, penalty, '纳税信用等级',
    '广州市市场监督管理局', '报告时间']) {
    assert.ok(text.includes(want), `the PDF has ${want}`);
  }
  assert.ok(!text.includes('返回我的信用信息'), 'the screen-only links are not printed');
});

step('R-08.2c R-09.4: 谁查询了我 shows the agency and the purpose, not the person', async () => {
  const page = pages[entUser];
  await page.goto(`${INTERNET}/my-credit`);
  await submit(page, '#viewers-link');
  const text = await page.textContent('#viewers');
  assert.ok(text.includes('广州市市场监督管理局'), 'the agency');
  assert.ok(text.includes('行政履职'), 'the purpose');
  const gz = sql("SELECT real_name FROM users WHERE username = 'gov-gz'");
  assert.ok(!text.includes(gz), 'not the person');
  assert.equal(await page.locator('#viewers tr.viewer').count(), 1, 'its own report is not listed');
});
