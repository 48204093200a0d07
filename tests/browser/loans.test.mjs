// End-to-end: the whole financing loop of issue 14 in two browsers without
// JavaScript, through nginx into MariaDB -- ent-a publishes an open loan
// application with its consent (R-08.2a, R-03.1), fi-gz takes it up
// (R-08.2b), asks a question with a PDF attached on the thread (R-08.2d)
// and opens the enterprise's credit information under the consent
// ent-a sees the question, downloads the attachment and answers;
// fi-gz sees the answer, approves and reports the disbursement; ent-a sees
// the result on the application and the bank in 谁查询了我 with the
// application's number (R-08.2c).
//
// Runs on the test stack after the HTTP tests: the application is new
// (its purpose carries this run's tag) and everything is checked against
// it, not against what the HTTP tests left.  Run by `scripts/dev test`
// (step e), which exports INTERNET, INTRANET, DUIJIE_STATE and
// NODE_EXTRA_CA_CERTS; needs the mariadb client.

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
const BANK = '中国工商银行广州分行';

const tag = String(Date.now() % 1_000_000).padStart(6, '0');
const purpose = `浏览器全流程测试${tag} 采购原材料`;
const question = `请补充近三个月的银行流水（${tag}）`;
const answer = `已上传流水，另附购销合同（${tag}）`;
const contract = `HT-BT-${tag}`;
// a small PDF by its first bytes (the type is sniffed, not named)
const PDF = Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj <<>> endobj\n%%EOF\n`);

let browser;
const pages = {};       // user -> page, each in its own context (cookies)
let loanId = '';
let loanNo = '';

// runs SQL as root on the test stack's MariaDB; its output, trimmed
function sql(statement) {
  return execFileSync('mariadb', ['--no-defaults', '-S', path.join(STATE, 'run', 'mysqld.sock'),
    '-uroot', '-N', '-B', 'duijie', '-e', statement], { encoding: 'utf8' }).trim();
}

before(async () => {
  assert.ok(INTERNET && INTRANET, 'INTERNET and INTRANET must be set');
  assert.ok(STATE, 'DUIJIE_STATE must be set (the database socket lives there)');
  browser = await connectBrowser();   // the suite's one chromium (browser.mjs)
});

after(async () => {
  await browser?.close().catch(() => {});
});

const step = stepper(test, STEP_TIMEOUT);

// a signed-in page of USER on BASE (the test stack has Auth.totp = optional)
async function signIn(base, user) {
  const page = await signInNoJs(browser, base, user, DEMO_PW, { wait: WAIT });
  assert.ok(!new URL(page.url()).pathname.startsWith('/login'), `${user} signed in (at ${page.url()})`);
  pages[user] = page;
  return page;
}

// today in Beijing time, YYYY-MM-DD
function beijingToday() {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  }).format(new Date());
}

function done(page, what) {
  const u = new URL(page.url());
  assert.equal(u.pathname, `/loans/${loanId}`, `back on the application (at ${page.url()})`);
  assert.equal(u.searchParams.get('done'), what, `done=${what} (at ${page.url()})`);
}

step('R-08.2a R-03.1: ent-a publishes an open application with its consent', async () => {
  const page = await signIn(INTERNET, 'ent-a');
  await page.click('nav.menu a[href="/loans"]');
  await page.click('a[href="/loans/new"]');
  assert.ok((await page.textContent('#main')).includes('本平台仅为企业和金融机构提供信息对接服务'),
    'the form says the platform is not a party to the loan');
  await page.fill('#amount_wan', '300');
  await page.fill('#term_months', '12');
  await page.fill('#purpose', purpose);
  await page.fill('#guarantee', '实际控制人连带责任保证');
  await page.selectOption('#product_id', '');
  await page.check('#consent');
  await page.check('#disclaimer-box');
  await page.check('#publish');
  await submit(page, '#loan-save');
  const u = new URL(page.url());
  loanId = (u.pathname.match(/^\/loans\/(\d+)$/) || [])[1] || '';
  assert.match(loanId, /^\d+$/, `at the new application (${page.url()})`);
  assert.equal(u.searchParams.get('done'), 'published');
  loanNo = (await page.textContent('#loan-number')).trim();
  assert.match(loanNo, /^XD\d{8,}$/);
  assert.equal((await page.textContent('#loan-status')).trim(), '已发布，待受理');
  assert.equal(sql(`SELECT consent_at IS NOT NULL AND fi_id IS NULL FROM loans WHERE id = ${loanId}`), '1',
    'published open, with the consent recorded');
});

step('R-08.2b: fi-gz finds it among the open applications and takes it up', async () => {
  const page = await signIn(INTRANET, 'fi-gz');
  await page.goto(`${INTRANET}/loans?status=published`);
  await submit(page, `a[href="/loans/${loanId}"]`);
  assert.equal(await page.locator('#message-form').count(), 0, 'no thread to write on before the take-up');
  await submit(page, '#loan-take');
  done(page, 'taken');
  assert.equal((await page.textContent('#loan-status')).trim(), '已受理');
  assert.equal((await page.textContent('#loan-fi')).trim(), BANK);
});

step('R-08.2d: fi-gz asks a question with a PDF on the thread', async () => {
  const page = pages['fi-gz'];
  await page.fill('#body', question);
  await page.setInputFiles('#file', { name: `liushui-${tag}.pdf`, mimeType: 'application/pdf', buffer: PDF });
  await submit(page, '#message-send');
  done(page, 'message');
  const msg = page.locator('#messages li.message').last();
  assert.ok((await msg.textContent()).includes(question), 'the question is on the thread');
  assert.equal((await msg.locator('.message-org').textContent()).trim(), BANK, 'with the bank as its author');
  assert.equal(await msg.locator(`a.message-file:has-text("liushui-${tag}.pdf")`).count(), 1,
    'and its attachment');
});

step('X-UI: the application with its thread and message form fits a 390 px phone, every field labelled', async () => {
  // JavaScript on for the measurement only (the pages have none of their own)
  const context = await browser.newContext({
    ignoreHTTPSErrors: true, bypassCSP: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    viewport: { width: 390, height: 900 },
  });
  context.setDefaultTimeout(WAIT);
  await context.addCookies(await pages['fi-gz'].context().cookies());
  const page = await context.newPage();
  await page.goto(`${INTRANET}/loans/${loanId}`);
  const found = await page.evaluate(() => {
    const out = [];
    const de = document.documentElement;
    if (de.scrollWidth > window.innerWidth + 1)
      out.push(`scrolls sideways: ${de.scrollWidth} px`);
    for (const el of document.querySelectorAll('#messages *')) {
      const r = el.getBoundingClientRect();
      if (r.right > window.innerWidth + 1)
        out.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(r.right)} px`);
    }
    for (const el of document.querySelectorAll('#message-form input, #message-form textarea')) {
      if (el.type === 'hidden')
        continue;
      if (![...(el.labels || [])].some((l) => l.textContent.trim() !== ''))
        out.push(`${el.name} has no label`);
    }
    if (document.querySelector('#message-form') === null)
      out.push('no message form');
    return out;
  });
  await context.close();
  assert.deepEqual(found, [], found.join('\n'));
});

step('R-08.1 R-08.2b: fi-gz opens the credit information under the consent', async () => {
  const page = pages['fi-gz'];
  await submit(page, '#loan-credit');
  assert.equal(new URL(page.url()).pathname, `/loans/${loanId}/credit`);
  await submit(page, '#loan-credit-open');
  const opened = await page.textContent('#opened');
  assert.ok(opened.includes('信贷审批'), `logged with the purpose 信贷审批 (${opened})`);
  assert.ok(opened.includes(loanNo), 'and the application number');
});

step('R-08.2d: ent-a is told, sees the question, downloads the PDF and answers', async () => {
  const page = pages['ent-a'];
  await page.goto(`${INTERNET}/inbox`);
  assert.ok((await page.textContent('#inbox')).includes('金融机构就您的信贷申请留言'),
    'the question is in its 消息 list');
  await page.goto(`${INTERNET}/loans/${loanId}`);
  const thread = await page.textContent('#messages');
  assert.ok(thread.includes(question) && thread.includes(BANK), 'the question and the bank on the thread');
  const href = await page.getAttribute('a.message-file', 'href');
  const resp = await page.request.get(`${INTERNET}${href}`);
  assert.equal(resp.status(), 200, `the attachment downloads (${href})`);
  assert.equal(resp.headers()['content-type'], 'application/pdf');
  assert.match(resp.headers()['content-disposition'] || '', /^attachment;/);
  assert.ok((await resp.body()).equals(PDF), 'the bytes as uploaded');
  await page.fill('#body', answer);
  await submit(page, '#message-send');
  done(page, 'message');
  const last = page.locator('#messages li.message').last();
  assert.ok((await last.textContent()).includes(answer), 'the answer follows the question');
  assert.equal(await last.getAttribute('data-org'), 'enterprise');
});

step('R-08.2b R-08.2d: fi-gz reads the answer, approves and reports the disbursement', async () => {
  const page = pages['fi-gz'];
  await page.goto(`${INTRANET}/loans/${loanId}`);
  assert.ok((await page.textContent('#messages')).includes(answer), 'the answer is on the thread');
  await page.check('form[action$="/decide"] input[name="outcome"][value="approved"]');
  await page.fill('form[action$="/decide"] #amount_wan', '280');
  await page.fill('form[action$="/decide"] #term_months', '12');
  await page.fill('form[action$="/decide"] #rate', '3.95');
  await page.fill('form[action$="/decide"] #conditions', '按月付息，到期还本');
  await submit(page, '#loan-decide');
  done(page, 'approved');
  assert.equal((await page.textContent('#loan-status')).trim(), '审批通过');
  await page.fill('form[action$="/disburse"] #amount_wan', '280');
  await page.fill('form[action$="/disburse"] #date', beijingToday());
  await page.fill('form[action$="/disburse"] #contract_no', contract);
  await submit(page, '#loan-disburse');
  done(page, 'disbursed');
  assert.equal((await page.textContent('#loan-status')).trim(), '已放款');
});

step('R-08.2a R-08.2c: ent-a sees the result and the bank in 谁查询了我', async () => {
  const page = pages['ent-a'];
  await page.goto(`${INTERNET}/loans/${loanId}`);
  assert.equal((await page.textContent('#loan-status')).trim(), '已放款');
  assert.ok((await page.textContent('#loan-disbursed')).includes('280'), 'the amount disbursed');
  assert.equal((await page.textContent('#loan-contract')).trim(), contract, 'the contract number');
  assert.equal((await page.textContent('#loan-rate')).trim(), '3.95%', 'the approved rate');
  for (const a of ['publish', 'take', 'approve', 'disburse'])
    assert.equal(await page.locator(`#timeline tr[data-action="${a}"]`).count(), 1, `the timeline shows ${a}`);
  assert.equal(await page.locator('#message-form').count(), 0, 'the closed application takes no message');
  assert.equal(await page.locator('#messages li.message').count(), 2, 'the thread stays readable');
  await page.goto(`${INTERNET}/my-credit/viewers`);
  const row = page.locator('#viewers tr.viewer', { hasText: loanNo });
  assert.equal(await row.count(), 1, `谁查询了我 lists the opening for ${loanNo}`);
  assert.equal((await row.locator('td.org').textContent()).trim(), BANK, 'with the bank\'s name');
  assert.ok((await row.locator('td.purpose').textContent()).includes(`信贷审批：${loanNo}`),
    'the purpose and the application number');
});
