// End-to-end (issue 17 "Front pages", X-UI): a visitor reaches every
// service from the internet portal's front page by clicking, with
// JavaScript off -- registration, sign-in, the product catalogue, a new
// loan application (发布融资需求) and the credit information (both ask to
// sign in), the policies and guides, the articles' lists from the
// latest-news boxes, the events, the measures, the operator offices'
// directory and the footer's disclaimer, privacy policy and user
// agreement.  Each click lands on a page of its own (its <h1>), never on
// an error page.  With INTRANET set, the intranet's front page leads to
// the blank change form too.
//
// Run by `scripts/dev test` (step e) like register.test.mjs; by hand:
//   cd tests/browser && npm ci && INTERNET=https://127.0.0.1:PORT node --test

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connectBrowser } from './browser.mjs';

const INTERNET = (process.env.INTERNET || '').replace(/\/+$/, '');
const INTRANET = (process.env.INTRANET || '').replace(/\/+$/, '');
const WAIT = 15_000;

// the front page's link (selector), where it leads, the heading there
const SERVICES = [
  ['#svc-register', /^\/register$/, /注册/],
  ['#svc-login', /^\/login$/, /登录/],
  ['#svc-products', /^\/products$/, /金融产品/],
  ['#svc-loan', /^\/login/, /登录/],
  ['#svc-credit', /^\/login/, /登录/],
  ['#svc-policy', /^\/news\?kind=policy$/, /资讯公告/],
  ['#svc-guide', /^\/news\?kind=guide$/, /资讯公告/],
  ['#home-notices-more', /^\/news\?kind=notice$/, /资讯公告/],
  ['#home-policies-more', /^\/news\?kind=policy$/, /资讯公告/],
  ['#nav-news', /^\/news$/, /资讯公告/],
  ['#home-events-more', /^\/events$/, /培训活动/],
  ['#home-rules', /^\/rules$/, /管理办法/],
  ['#home-offices-more', /^\/offices$/, /运行管理机构联系方式/],
  ['#footer-disclaimer', /^\/about\/disclaimer$/, /免责声明/],
  ['#footer-privacy', /^\/privacy$/, /隐私政策/],
  ['#footer-terms', /^\/terms$/, /用户协议/],
];

let browser, context, page;

before(async () => {
  assert.ok(INTERNET, 'INTERNET (base URL of the internet portal) must be set');
  browser = await connectBrowser();
  context = await browser.newContext({
    ignoreHTTPSErrors: true,
    javaScriptEnabled: false,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(WAIT);
  context.setDefaultNavigationTimeout(WAIT);
  page = await context.newPage();
});

after(async () => {
  await context?.close().catch(() => {});
  await browser?.close().catch(() => {});
});

for (const [sel, where, heading] of SERVICES) {
  test(`X-UI a visitor reaches ${where} from the front page (${sel})`, { timeout: 60_000 }, async () => {
    const home = await page.goto(INTERNET + '/');
    assert.equal(home.status(), 200);
    const [resp] = await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.click(sel),
    ]);
    const u = new URL(page.url());
    assert.match(u.pathname + u.search, where);
    assert.equal(resp.status(), 200, `${sel} answered ${resp.status()}`);
    assert.match(await page.textContent('h1'), heading);
  });
}

// the intranet's front page: how accounts are opened, and the change form
// blank for printing (issue 17 "Front pages", R-04.1)
test('X-UI a visitor reaches the blank change form from the intranet front page',
  { timeout: 60_000, skip: INTRANET ? false : 'INTRANET not set' }, async () => {
    const home = await page.goto(INTRANET + '/');
    assert.equal(home.status(), 200);
    assert.ok(await page.isVisible('#how-open'), 'the front page says how accounts are opened');
    const [resp] = await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.click('#home-blank-form'),
    ]);
    assert.equal(new URL(page.url()).pathname, '/agency-forms/blank');
    assert.equal(resp.status(), 200);
    assert.match(await page.textContent('#copy-agency h1'), /政府机构用户开设或变更申请表/);
    assert.equal(await page.locator('.print-copy').count(), 2, 'both copies');
  });
