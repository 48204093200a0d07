// End-to-end: an enterprise registers on the internet portal, completes its
// profile and signs in again -- headless Debian chromium driven by
// playwright-core through the real nginx + FastCGI stack.
//
// Run by `scripts/dev test` (step e), which exports INTERNET (base URL of
// the internet portal), DUIJIE_STATE (state dir; the development SMS sender
// appends to $DUIJIE_STATE/sms-outbox.log) and NODE_EXTRA_CA_CERTS.  By hand,
// against a running `scripts/dev up` stack:
//
//   cd tests/browser && npm ci &&
//   INTERNET=https://127.0.0.1:PORT DUIJIE_STATE=STATE node --test --test-reporter=tap
//
// JavaScript is disabled in the page: the portal must work without it (X-UI).
// The steps share one page and run in order; a step whose predecessor
// failed fails at once with "previous step failed".

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { connectBrowser, signInForm } from './browser.mjs';

const INTERNET = (process.env.INTERNET || '').replace(/\/+$/, '');
const STATE = process.env.DUIJIE_STATE || '';
const OUTBOX = path.join(STATE, 'sms-outbox.log');
const SCREENSHOT = path.join(STATE, 'log', 'browser-profile.png');

// generous: sign-in and registration run a KDF (~0.2 s), the first page
// load starts the FastCGI workers' DB connections
const STEP_TIMEOUT = 60_000;
const WAIT = 15_000;

// ---------------------------------------------------------------------------
// test data

// GB 32100-2015 (see /work/shared/spec/FORMATS.md)
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function randomDigits(n) {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(Math.random() * 10);
  return s;
}

// '91' (enterprise) + '440106' (广州市天河区) + 8 random digits + GB 11714
// check + GB 32100 check.  Random, so (almost surely) not registered yet.
function makeUscc() {
  const body = randomDigits(8);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  const orgCheck = c === 10 ? 'X' : c === 11 ? '0' : String(c);
  const first17 = '91' + '440106' + body + orgCheck;
  sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  const check = (31 - (sum % 31)) % 31;
  return first17 + USCC_CHARS[check];
}

// today in Beijing time, YYYY-MM-DD
function beijingToday() {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  }).format(new Date());
}

const uscc = makeUscc();
const user = {
  username: 'bt' + Date.now().toString(36),
  uscc,
  ent_name: '广州浏览器测试科技有限公司',
  reg_no: uscc,
  legal_name: '张三',
  legal_id: '11010519491231002X',
  contact_name: '李四',
  mobile: '139' + randomDigits(8),
};
const PASSWORD = 'Browser-Pass-2027';

const profile = {
  changed_on: beijingToday(),
  address: '广州市天河区天河路 385 号 12 楼',
  business_scope: '软件开发；信息技术咨询服务。',
  reg_capital: '500',
  main_name: '王五',
  main_mobile: '139' + randomDigits(8),
  liaison_name: '赵六',
  liaison_mobile: '139' + randomDigits(8),
};

// ---------------------------------------------------------------------------
// browser

let browser, context, page;
let ok = true;          // every step so far passed

before(async () => {
  assert.ok(INTERNET, 'INTERNET (base URL of the internet portal) must be set');
  assert.ok(STATE, 'DUIJIE_STATE must be set (the SMS outbox lives there)');
  browser = await connectBrowser();   // the suite's one chromium (browser.mjs)
  context = await browser.newContext({
    ignoreHTTPSErrors: true,        // the stack's certificate is self-signed
    javaScriptEnabled: false,       // X-UI: works without JavaScript
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(WAIT);
  context.setDefaultNavigationTimeout(WAIT);
  page = await context.newPage();
});

after(async () => {
  await context?.close().catch(() => {});
  await browser?.close().catch(() => {});
});

// runs one step of the scenario; later steps need the earlier ones
function step(name, fn) {
  test(name, { timeout: STEP_TIMEOUT }, async () => {
    if (!ok) throw new Error('previous step failed');
    ok = false;
    await fn();
    ok = true;
  });
}

// clicks a submit button and waits for the page the form leads to
async function submit(selector) {
  const [resp] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.click(selector),
  ]);
  return resp;
}

function pathOf(url) {
  const u = new URL(url);
  return u.pathname + u.search;
}

async function visible(selector) {
  return page.locator(selector).isVisible();
}

// the field errors the page shows, for assertion messages
async function fieldErrors() {
  const errs = await page.locator('.has-error').allInnerTexts();
  return errs.map((s) => s.replace(/\s+/g, ' ').trim()).join(' | ');
}

// the last code the development sender wrote for MOBILE
async function smsCode(mobile) {
  const deadline = Date.now() + WAIT;
  for (;;) {
    let text = '';
    try {
      text = await readFile(OUTBOX, 'utf8');
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
    const lines = text.split('\n').filter((l) => l.split(' ')[1] === mobile);
    if (lines.length > 0) {
      const m = lines[lines.length - 1].match(/验证码为\s*(\d{6})/);
      assert.ok(m, `no code in the outbox line: ${lines[lines.length - 1]}`);
      return m[1];
    }
    if (Date.now() > deadline) {
      assert.fail(`no SMS for ${mobile} in ${OUTBOX}`);
    }
    // the line is written before the response; this only covers a slow disk
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ---------------------------------------------------------------------------
// the scenario

step('R-06.1 R-06.2 X-UI: /register sends an SMS code without JavaScript and keeps the typed fields', async () => {
  // /register/sms counts toward the sign-in limit of this address (10 POSTs
  // a minute, the browser tests all come from 127.0.0.1): a 429 from the
  // limiter is waited out and the form filled in again
  for (let i = 0; i < 8; i++) {
    const resp = await page.goto(`${INTERNET}/register`);
    assert.equal(resp.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    for (const [name, value] of Object.entries(user)) {
      await page.fill(`#${name}`, value);
    }
    await page.fill('#password', PASSWORD);
    await page.fill('#password2', PASSWORD);
    await page.check('#agree');
    const sent = await submit('#send-sms');
    if (sent === null || sent.status() !== 429)
      break;
    await new Promise((done) => setTimeout(done, 6_500));
  }
  assert.equal(new URL(page.url()).pathname, '/register/sms');
  assert.ok(await visible('#sms-sent'), `#sms-sent not shown; errors: ${await fieldErrors()}`);
  for (const [name, value] of Object.entries(user)) {
    assert.equal(await page.inputValue(`#${name}`), value, `field ${name} kept`);
  }
  assert.ok(await page.isChecked('#agree'), 'the agreement stays ticked (issue 18)');
  // passwords and the code are never sent back
  assert.equal(await page.inputValue('#password'), '');
  assert.equal(await page.inputValue('#password2'), '');
  assert.equal(await page.inputValue('#sms_code'), '');
});

step('R-06.1 R-06.2 R-09.4: the code from the SMS outbox registers the enterprise; the profile welcomes it', async () => {
  const code = await smsCode(user.mobile);
  await page.fill('#sms_code', code);
  await page.fill('#password', PASSWORD);
  await page.fill('#password2', PASSWORD);
  await submit('#register-submit');

  assert.equal(pathOf(page.url()), '/profile?welcome=1', `still on ${page.url()}; errors: ${await fieldErrors()}`);
  assert.ok(await visible('#welcome'), '#welcome shown');
  assert.ok(await visible('#missing'), '#missing shown (supplementary information not complete yet)');
  assert.equal((await page.textContent('#legal-id')).trim(), '1101**********002X', 'legal ID masked');
  const body = await page.textContent('body');
  assert.ok(body.includes(user.uscc), 'USCC shown');
  assert.ok(body.includes(user.ent_name), 'enterprise name shown');
  // signed in: the header names the contact person (the user's real name)
  assert.ok(await visible('form.logout button'), 'signed in');
  assert.ok((await page.textContent('header.site')).includes(user.contact_name), 'header names the new user');
});

step('R-06.3 R-10.1: completing the supplementary information records the change with its date', async () => {
  await page.click('#edit-profile');
  await page.waitForURL((u) => u.pathname === '/profile/edit');
  await page.fill('#changed_on', profile.changed_on);
  await page.fill('#address', profile.address);
  await page.fill('#business_scope', profile.business_scope);
  await page.fill('#reg_capital', profile.reg_capital);
  await page.selectOption('#org_form', 'llc');
  await page.selectOption('#industry', 'I');
  await page.selectOption('#size', 'small');
  await page.fill('#main_name', profile.main_name);
  await page.fill('#main_mobile', profile.main_mobile);
  await page.fill('#liaison_name', profile.liaison_name);
  await page.fill('#liaison_mobile', profile.liaison_mobile);
  await submit('#profile-save');

  const u = new URL(page.url());
  assert.equal(u.pathname, '/profile', `still on ${page.url()}; errors: ${await fieldErrors()}`);
  assert.ok(await visible('#saved'), '#saved shown');
  assert.ok(await visible('#complete'), '#complete shown');
  assert.equal(await page.locator('#missing').count(), 0, '#missing gone');
  const rows = page.locator('#history-table tbody tr');
  assert.ok(await rows.count() > 0, 'history has rows');
  const history = await page.textContent('#history-table');
  assert.ok(history.includes(profile.changed_on), `history shows the date of the change ${profile.changed_on}`);
  assert.ok(history.includes(profile.address), 'history shows the new address');
  const body = await page.textContent('body');
  assert.ok(body.includes(profile.address), 'address shown');
  // contacts' mobiles are masked on screen (R-09.4)
  assert.ok(!body.includes(profile.main_mobile), 'main contact mobile not shown in full');

  await mkdir(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
});

step('R-06.1 R-11.1: the new account signs out and signs in again at /login', async () => {
  await submit('form.logout button');
  assert.equal(await page.locator('form.logout').count(), 0, 'signed out');

  await signInForm(page, INTERNET, user.username, PASSWORD);
  assert.equal(new URL(page.url()).pathname, '/start', `still on ${page.url()}; errors: ${await fieldErrors()}`);
  assert.ok(await visible('form.logout button'), 'signed in');
});
