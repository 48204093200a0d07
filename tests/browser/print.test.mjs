// Printing (issue 18): what people put on paper, printed by Chromium's own
// print-to-PDF (page.pdf, the call behind the print dialog's "Save as PDF")
// and read back by counting the PDF's pages.
//
//  - the agency change form with two users: each of its two copies
//    (申请机构留存, 人民银行留存) fits one A4 sheet, the signature rows on the
//    same sheet as the rest of the copy: exactly 2 pages;
//  - the enterprise's credit report (R-08.2c): A4, no sideways overflow on
//    paper or at 390 px, the verification code and the page number
//    ("第 N 页 共 M 页", CSS @page margin boxes) on every sheet.
//
// The enterprise, its records and its grant are put straight into the
// database (USCC 91440100PRTW...).  Run by `scripts/dev test` (step e), which
// exports INTERNET, INTRANET, DUIJIE_STATE and NODE_EXTRA_CA_CERTS; needs the
// mariadb client, pdfinfo and pdftotext (poppler-utils).  JavaScript is
// disabled in every page (X-UI).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { connectBrowser, signInNoJs, stepper, submit } from './browser.mjs';

const INTERNET = (process.env.INTERNET || '').replace(/\/+$/, '');
const INTRANET = (process.env.INTRANET || '').replace(/\/+$/, '');
const STATE = process.env.DUIJIE_STATE || '';
const FORM_PDF = path.join(STATE, 'log', 'print-agency-form-2.pdf');
const REPORT_PDF = path.join(STATE, 'log', 'print-credit-report.pdf');
const DEMO_PW = 'Demo-Pass-2026';
const STEP_TIMEOUT = 60_000;
const WAIT = 15_000;

const tag = String(Date.now() % 1_000_000).padStart(6, '0');
const uscc = `91440100PRTW${tag}`;
const entName = `广州市打印版式测试${tag}有限公司`;
const entUser = `t99p-w-${tag}`;
const RECORDS = 14;    // enough for the report to run over more than one sheet

let browser;
const pages = {};

function sql(statement) {
  return execFileSync('mariadb', ['--no-defaults', '-S', path.join(STATE, 'run', 'mysqld.sock'),
    '-uroot', '-N', '-B', 'duijie', '-e', statement], { encoding: 'utf8' }).trim();
}

before(async () => {
  assert.ok(INTERNET && INTRANET, 'INTERNET and INTRANET must be set');
  assert.ok(STATE, 'DUIJIE_STATE must be set');
  sql(`INSERT INTO enterprises (uscc, name, region_code, reg_no, legal_name, address)
    VALUES ('${uscc}', '${entName}', '440100', '440101${tag}', '周打印',
    '广州市天河区版式路${tag}号之一至之九（一个很长的地址，用来检查折行）')`);
  const ent = sql(`SELECT id FROM enterprises WHERE uscc = '${uscc}'`);
  sql(`INSERT INTO users (username, role, region_code, org_kind, org_id, real_name,
    pw_hash, must_change_pw) SELECT '${entUser}', 'enterprise', '440100', 'enterprise', ${ent},
    '打印测试联系人', pw_hash, 0 FROM users WHERE username = 'ent-a'`);
  sql(`INSERT INTO credit_self_requests (enterprise_id, region_code, user_id, reason, status,
    decided_by, decided_at, valid_until) SELECT ${ent}, '440100', id, '贷款', 'granted', id,
    UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL 30 DAY FROM users WHERE username = '${entUser}'`);
  const agency = sql("SELECT org_id FROM users WHERE username = 'gov-gz'");
  const gov = sql("SELECT id FROM users WHERE username = 'gov-gz'");
  const batch = sql(`INSERT INTO credit_batches (agency_id, region_code, category_id, file_name,
    encoding, status, rows_total, rows_new, uploaded_by, confirmed_by, confirmed_at)
    VALUES (${agency}, '440100', 2, 'print.csv', 'utf-8', 'confirmed', ${RECORDS}, ${RECORDS},
    ${gov}, ${gov}, UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()`);
  const rows = [];
  for (let i = 1; i <= RECORDS; i++) {
    const content = JSON.stringify({ doc_no: `穗市监罚〔2026〕版式${tag}-${i}号`,
      violation: '未按规定公示年度报告，且在责令改正期限内未改正的（一段较长的违法事实，用来检查表格内折行）',
      penalty_type: '罚款', amount: '5000.00', content: '罚款人民币伍仟元整',
      authority: '广州市市场监督管理局' });
    rows.push(`(${ent}, 2, ${agency}, ${batch}, '2026-0${1 + (i % 9)}-1${i % 10}', NULL,
      '${content}', UNHEX(SHA2('${tag}-p-${i}', 256)))`);
  }
  sql(`INSERT INTO credit_records (enterprise_id, category_id, agency_id, batch_id, decision_date,
    period_end, content, row_hash) VALUES ${rows.join(',')}`);
  browser = await connectBrowser();
});

after(async () => {
  await browser?.close().catch(() => {});
});

const step = stepper(test, STEP_TIMEOUT);

async function signIn(base, user, viewport = { width: 1280, height: 900 }) {
  const page = await signInNoJs(browser, base, user, DEMO_PW, { wait: WAIT, viewport });
  assert.notEqual(new URL(page.url()).pathname, '/login', `${user} signed in (at ${page.url()})`);
  pages[user] = page;
  return page;
}

// The number of pages of a PDF, from its bytes: the page objects
// ("/Type /Page", not "/Type /Pages"), checked against pdfinfo.
function pdfPages(file) {
  const bytes = readFileSync(file).toString('latin1');
  const objects = (bytes.match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number((info.match(/^Pages:\s+(\d+)/m) || [])[1]);
  const size = (info.match(/^Page size:\s+(.*)$/m) || [])[1] || '';
  return { objects, pages, size };
}

function pdfText(file, first, last) {
  return execFileSync('pdftotext', ['-f', String(first), '-l', String(last), '-layout', file, '-'],
    { encoding: 'utf8' });
}

// --- the change form with two users -----------------------------------------------------------

let formUrl = '';

step('R-04.1 gov-gz enters a change form with two users', async () => {
  const page = await signIn(INTRANET, 'gov-gz');
  await page.goto(`${INTRANET}/agency-forms/new`);
  // the form opens with room for two users (more by 增加一名用户)
  while (await page.locator('fieldset.aform-line').count() < 2) await submit(page, '#add-line');
  assert.equal(await page.locator('fieldset.aform-line').count(), 2, 'two user lines');
  for (const [n, name] of [[1, `赵打印${tag}`], [2, `钱打印${tag}`]]) {
    await page.fill(`#name${n}`, name);
    await page.fill(`#title${n}`, '信用科/科员');
    await page.fill(`#contact${n}`, `1380000${String(n).padStart(4, '0')}`);
    await page.check(`input[name="op${n}"][value="open"]`);
    await page.check(`input[name="view${n}"]`);
  }
  await page.fill('#net_name', '孙网');
  await page.fill('#net_title', '信息科/工程师');
  await page.fill('#net_contact', '020-83120000');
  await page.fill('#resp_name', '李局长');
  await submit(page, '#aform-submit');
  const u = new URL(page.url());
  assert.match(u.pathname, /^\/agency-forms\/\d+$/, `submitted (at ${page.url()}): ` +
    (await page.locator('.has-error').allInnerTexts()).join(' | '));
  formUrl = `${INTRANET}${u.pathname}`;
});

step('issue 18 R-04.4: the form with two users prints one A4 sheet per copy', async () => {
  const page = pages['gov-gz'];
  await page.goto(`${formUrl}/print`);
  assert.equal(await page.locator('article.print-copy').count(), 2, 'two copies');
  await page.emulateMedia({ media: 'print' });
  // format A4 as a user's print dialog would have it, not the page's own size
  await page.pdf({ path: FORM_PDF, format: 'A4', printBackground: true });
  const p = pdfPages(FORM_PDF);
  assert.equal(p.objects, 2, `2 page objects in the PDF, one per copy (got ${p.objects})`);
  assert.equal(p.pages, 2, `pdfinfo agrees (got ${p.pages})`);
  assert.match(p.size, /\(A4\)/, `A4 (got ${p.size})`);
  // each sheet is a whole copy: its label, both users, the signature rows
  for (const [n, label] of [[1, '申请机构留存'], [2, '人民银行留存']]) {
    const text = pdfText(FORM_PDF, n, n);
    assert.ok(text.includes(label), `sheet ${n} is the copy ${label}`);
    for (const want of [`赵打印${tag}`, `钱打印${tag}`, '以下内容由人民银行填写', '操作员签名',
      '本表一式两份']) {
      assert.ok(text.includes(want), `sheet ${n} has ${want}`);
    }
  }
  // and with the page's own @page size (preferCSSPageSize) too
  await page.pdf({ path: FORM_PDF, preferCSSPageSize: true });
  assert.equal(pdfPages(FORM_PDF).pages, 2, 'still 2 sheets with the CSS page size');
});

// --- the credit report --------------------------------------------------------------------------

let code = '';

step('issue 18 R-08.2c: the report prints on A4 with the code and page numbers on every sheet', async () => {
  const page = await signIn(INTERNET, entUser);
  await page.goto(`${INTERNET}/my-credit`);
  await submit(page, '#report-link');
  assert.equal(new URL(page.url()).pathname, '/my-credit/report');
  code = (await page.textContent('#report-code')).trim();
  assert.match(code, /^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/, `a verification code (${code})`);
  assert.equal((await page.textContent('#report-total')).trim(), String(RECORDS), 'the summary total');

  await page.emulateMedia({ media: 'print' });
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(sideways <= 1, `no sideways overflow in print media (${sideways} px over)`);
  await page.pdf({ path: REPORT_PDF, format: 'A4', printBackground: true });
  const p = pdfPages(REPORT_PDF);
  assert.match(p.size, /\(A4\)/, `A4 (got ${p.size})`);
  assert.ok(p.pages >= 2, `${RECORDS} records run over more than one sheet (got ${p.pages})`);
  assert.equal(p.objects, p.pages, 'page objects and pdfinfo agree');
  for (let n = 1; n <= p.pages; n++) {
    const text = pdfText(REPORT_PDF, n, n).replace(/\s+/g, '');
    assert.ok(text.includes(code), `sheet ${n} carries the verification code`);
    assert.ok(text.includes(`第${n}页共${p.pages}页`), `sheet ${n} is numbered "第 ${n} 页 共 ${p.pages} 页"`);
  }
  const all = pdfText(REPORT_PDF, 1, p.pages);
  for (const want of ['企业基本信息', entName, uscc, '周打印', '信用信息分类汇总', '行政处罚',
    `${INTERNET}/verify`]) {
    assert.ok(all.includes(want), `the report has ${want}`);
  }
  assert.ok(all.replace(/\s+/g, '').includes(`本报告共列出信用信息${RECORDS}条`),
    'it ends with the number of records it lists');
});

step('issue 18: the report fits a 390 px screen', async () => {
  const context = pages[entUser].context();
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`${INTERNET}/my-credit/report`);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(sideways <= 1, `no sideways scrolling at 390 px (${sideways} px over)`);
  await page.close();
});

step('issue 18: /verify says the printed code is genuine', async () => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, javaScriptEnabled: false,
    locale: 'zh-CN', viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  // /verify's POSTs count toward the sign-in limit of this address (10 a
  // minute): a 429 from the limiter is waited out, as signInForm does
  for (let i = 0; i < 8; i++) {
    await page.goto(`${INTERNET}/verify`);
    await page.fill('#code', code.toLowerCase().replace(/-/g, ' '));
    const resp = await submit(page, '#verify-submit');
    if (resp === null || resp.status() !== 429)
      break;
    await new Promise((done) => setTimeout(done, 6_500));
  }
  assert.equal(await page.locator('#verify-genuine').count(), 1, 'genuine');
  assert.equal((await page.textContent('#verify-ent')).trim(), entName);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(sideways <= 1, `/verify fits 390 px (${sideways} px over)`);
  await context.close();
});
