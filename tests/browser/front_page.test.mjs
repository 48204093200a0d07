// End-to-end (issue 17 "Front pages", X-UI): a visitor reaches every
// service from the internet portal's front page by clicking, with
// JavaScript off -- registration, sign-in, the product catalogue, the
// credit information (which asks to sign in), the policies and guides,
// the articles' lists from the latest-news boxes and the footer's
// disclaimer, privacy policy and user agreement.  Each click lands on a
// page of its own (its <h1>), never on an error page.
//
// Run by `scripts/dev test` (step e) like register.test.mjs; by hand:
//   cd tests/browser && npm ci && INTERNET=https://127.0.0.1:PORT node --test

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connectBrowser } from './browser.mjs';

const INTERNET = (process.env.INTERNET || '').replace(/\/+$/, '');
const WAIT = 15_000;

// the front page's link (selector), where it leads, the heading there
const SERVICES = [
  ['#svc-register', /^\/register$/, /注册/],
  ['#svc-login', /^\/login$/, /登录/],
  ['#svc-products', /^\/products$/, /金融产品/],
  ['#svc-credit', /^\/login/, /登录/],
  ['#svc-policy', /^\/news\?kind=policy$/, /资讯公告/],
  ['#svc-guide', /^\/news\?kind=guide$/, /资讯公告/],
  ['#home-notices-more', /^\/news\?kind=notice$/, /资讯公告/],
  ['#home-policies-more', /^\/news\?kind=policy$/, /资讯公告/],
  ['#nav-news', /^\/news$/, /资讯公告/],
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
