// End-to-end: a government agency user change form goes through the
// intranet in four browsers (gov-gz enters it, op-gz checks, sup-gz
// approves, op-gz executes) and the printout is printed to PDF by
// Chromium's own print-to-PDF (the DevTools call behind --print-to-pdf):
// A4, the two copies 申请机构留存 and 人民银行留存 on separate pages, the
// one-time password on the executed printout and masked afterwards
//
//
// Run by `scripts/dev test` (step e), which exports INTRANET, DUIJIE_STATE
// and NODE_EXTRA_CA_CERTS; needs pdfinfo and pdftotext (poppler-utils).
// JavaScript is disabled in every page (X-UI).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { connectBrowser, signInNoJs, stepper, submit } from './browser.mjs';

const INTRANET = (process.env.INTRANET || '').replace(/\/+$/, '');
const STATE = process.env.DUIJIE_STATE || '';
const PDF = path.join(STATE, 'log', 'agency-form.pdf');
const PDF_AGAIN = path.join(STATE, 'log', 'agency-form-again.pdf');
const DEMO_PW = 'Demo-Pass-2026';
const STEP_TIMEOUT = 60_000;
const WAIT = 15_000;

const tag = Date.now().toString(36);
const line = { name: `打印测试${tag}`, title: '信用科/科员', contact: '020-83126688' };

let browser;
const pages = {};       // user -> page, each in its own context (cookies)
let formUrl = '';
let otp = '';
let username = '';

before(async () => {
  assert.ok(INTRANET, 'INTRANET (base URL of the intranet portal) must be set');
  assert.ok(STATE, 'DUIJIE_STATE must be set (the PDF is written to its log folder)');
  browser = await connectBrowser();   // the suite's one chromium (browser.mjs)
});

after(async () => {
  await browser?.close().catch(() => {});
});

const step = stepper(test, STEP_TIMEOUT);

async function fieldErrors(page) {
  const errs = await page.locator('.has-error').allInnerTexts();
  return errs.map((s) => s.replace(/\s+/g, ' ').trim()).join(' | ');
}

// a signed-in page of USER (the dev and test stacks have Auth.totp = optional)
async function signIn(user) {
  const page = await signInNoJs(browser, INTRANET, user, DEMO_PW, { wait: WAIT });
  assert.equal(new URL(page.url()).pathname, '/start', `${user} signed in (at ${page.url()})`);
  pages[user] = page;
  return page;
}

// the text of pages FIRST..LAST of a PDF
function pdfText(file, first, last) {
  return execFileSync('pdftotext', ['-f', String(first), '-l', String(last), '-layout', file, '-'],
    { encoding: 'utf8' });
}

function pdfInfo(file) {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number((out.match(/^Pages:\s+(\d+)/m) || [])[1]);
  const size = (out.match(/^Page size:\s+(.*)$/m) || [])[1] || '';
  return { pages, size };
}

step('R-04.1 R-04.2: gov-gz enters and submits a change form without JavaScript', async () => {
  const page = await signIn('gov-gz');
  await page.goto(`${INTRANET}/agency-forms/new`);
  await page.fill('#name1', line.name);
  await page.fill('#title1', line.title);
  await page.fill('#contact1', line.contact);
  await page.check('input[name="op1"][value="open"]');
  await page.fill('#net_name', '钱网');
  await page.fill('#net_title', '信息科/工程师');
  await page.fill('#net_contact', '020-83120000');
  await page.fill('#resp_name', '孙局长');
  await submit(page, '#aform-submit');
  const u = new URL(page.url());
  assert.match(u.pathname, /^\/agency-forms\/\d+$/, `not submitted (at ${page.url()}); errors: ${await fieldErrors(page)}`);
  assert.equal(await page.getAttribute('#aform-status', 'data-status'), 'submitted');
  formUrl = `${INTRANET}${u.pathname}`;
});

step('R-04.3: op-gz checks, sup-gz approves', async () => {
  const op = await signIn('op-gz');
  await op.goto(formUrl);
  // a decision is chosen, never pre-selected (issue 18)
  await op.check('#aform-check input[name="result"][value="agree"]');
  await submit(op, '#check-submit');
  assert.equal(await op.getAttribute('#aform-status', 'data-status'), 'checked');
  const sup = await signIn('sup-gz');
  await sup.goto(formUrl);
  await sup.check('#aform-approve input[name="result"][value="agree"]');
  await submit(sup, '#approve-submit');
  assert.equal(await sup.getAttribute('#aform-status', 'data-status'), 'approved');
});

step('R-04.3 R-04.4: execution answers with the printout, printed to an A4 PDF with both copies', async () => {
  const op = pages['op-gz'];
  await op.goto(formUrl);
  await submit(op, '#execute-submit');
  assert.equal(await op.locator('#copy-agency').count(), 1, 'the agency copy is on the page');
  assert.equal(await op.locator('#copy-pboc').count(), 1, 'the PBoC copy is on the page');
  otp = (await op.textContent('#copy-agency code.otp')).trim();
  username = (await op.textContent('#copy-agency code.username')).trim();
  assert.match(username, /^g440100\d{4}$/);
  assert.ok(otp.length >= 10, `a one-time password is shown (${otp.length} characters)`);

  await op.emulateMedia({ media: 'print' });
  assert.equal(await op.locator('.print-bar').isVisible(), false, 'the screen-only bar is not printed');
  await op.pdf({ path: PDF, preferCSSPageSize: true, printBackground: true });
  const info = pdfInfo(PDF);
  assert.equal(info.pages, 2, `two pages, one per copy (got ${info.pages})`);
  assert.match(info.size, /\(A4\)/, `A4 (got ${info.size})`);
  const p1 = pdfText(PDF, 1, 1);
  const p2 = pdfText(PDF, 2, 2);
  // the copy labels (the note at the foot of each copy names both)
  assert.match(p1, /申请机构留存\s+No\./, 'page 1 is the agency copy');
  assert.ok(!p1.includes('人民银行留存（'), 'page 1 holds one copy only');
  assert.ok(p2.includes('人民银行留存（中国人民银行广州市分行）'), 'page 2 is the PBoC copy, naming the office');
  assert.doesNotMatch(p2, /申请机构留存\s+No\./, 'page 2 holds one copy only');
  for (const [n, text] of [[1, p1], [2, p2]]) {
    assert.ok(text.includes('政府机构用户开设或变更申请表'), `page ${n} has the form's title`);
    assert.ok(text.includes('广州市市场监督管理局'), `page ${n} has the unit`);
    assert.ok(text.includes(line.name), `page ${n} has user A's name`);
    assert.ok(text.includes(username), `page ${n} has the generated username`);
    assert.ok(text.includes(otp), `page ${n} has the one-time password`);
    assert.ok(text.includes('以下内容由人民银行填写'), `page ${n} has the PBoC part`);
    assert.ok(text.includes('本表一式两份'), `page ${n} has the note`);
  }
});

step('R-04.3: printed again later, the password is masked', async () => {
  const op = pages['op-gz'];
  await op.goto(`${formUrl}/print`);
  await op.emulateMedia({ media: 'print' });
  await op.pdf({ path: PDF_AGAIN, preferCSSPageSize: true });
  assert.equal(pdfInfo(PDF_AGAIN).pages, 2);
  const text = pdfText(PDF_AGAIN, 1, 2);
  assert.ok(text.includes(username), 'the username is still printed');
  assert.ok(!text.includes(otp), 'the password is not');
  assert.ok(text.includes('******'), 'it is masked');
});
