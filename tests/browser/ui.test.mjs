// The pages as a reader sees them (issue 18, X-UI): for the public pages of
// both portals and for every page the menu offers each demo role, at 390 px
// (a phone) and 1280 px: no horizontal scrolling, the menu's links do not
// overlap, every form control has a visible label, the page has a title
// naming it, a signed-in page marks its place in the menu, and text and
// buttons have a contrast of at least 4.5:1 (axe-core's color-contrast
// rule, @axe-core/playwright; at 1280 px only, the colours being the same
// at every width).  A screenshot of each page at each width is
// saved under $DUIJIE_STATE/log/screens/ for review.
//
// Run by `scripts/dev test` (step e), which exports INTERNET, INTRANET,
// DUIJIE_STATE and NODE_EXTRA_CA_CERTS.  The pages have no JavaScript of
// their own; the checks run in the page through the DevTools protocol.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { connectBrowser, signInForm } from './browser.mjs';

const INTERNET = (process.env.INTERNET || '').replace(/\/+$/, '');
const INTRANET = (process.env.INTRANET || '').replace(/\/+$/, '');
const STATE = process.env.DUIJIE_STATE || '';
const SCREENS = path.join(STATE, 'log', 'screens');
const DEMO_PW = 'Demo-Pass-2026';
const SITE = '广东省中小微企业信用信息和融资对接平台';
const WIDTHS = [390, 1280];
const ROLE_TIMEOUT = 480_000;	// op-gz's menu has ~30 pages, each at two widths with axe

let browser;

before(async () => {
  assert.ok(INTERNET && INTRANET, 'INTERNET and INTRANET must be set');
  assert.ok(STATE, 'DUIJIE_STATE must be set (screenshots go to its log folder)');
  mkdirSync(SCREENS, { recursive: true });
  browser = await connectBrowser();
});

after(async () => {
  await browser?.close().catch(() => {});
});

// What is wrong with the page now shown, as a list of sentences.
// The contrast (axe-core, the slowest check) is checked at the widest
// width only: the colours do not change with the width.
async function problems(page, signedIn, contrast) {
  const found = await page.evaluate(({ site, signedIn }) => {
    const out = [];
    const de = document.documentElement;
    if (de.scrollWidth > window.innerWidth + 1)
      out.push(`scrolls sideways: ${de.scrollWidth} px wide in a ${window.innerWidth} px window`);
    const t = document.title || '';
    if (!t.endsWith(` - ${site}`) || t.length <= site.length + 3)
      out.push(`title does not name the page: "${t}"`);
    if (signedIn && document.querySelector('nav.menu [aria-current="page"]') === null &&
        document.querySelector('nav.menu') !== null)
      out.push('the menu marks no current page');
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    for (const el of document.querySelectorAll('input, select, textarea')) {
      if (['hidden', 'submit', 'button', 'reset'].includes(el.type) || !visible(el))
        continue;
      const labelled = [...(el.labels || [])].some((l) => visible(l) && l.textContent.trim() !== '') ||
        (el.getAttribute('aria-label') || '').trim() !== '';
      if (!labelled)
        out.push(`a ${el.tagName.toLowerCase()} named "${el.name}" has no visible label`);
    }
    // the header's and the menu's links and buttons never overlap
    const boxes = [...document.querySelectorAll('header.site a, header.site button, nav.menu a')]
      .filter(visible).map((el) => [el, el.getBoundingClientRect()]);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, ra] = boxes[i], [b, rb] = boxes[j];
        if (a.contains(b) || b.contains(a))
          continue;
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 1 && h > 1)
          out.push(`"${a.textContent.trim()}" overlaps "${b.textContent.trim()}"`);
      }
    return out;
  }, { site: SITE, signedIn });
  if (!contrast)
    return found;
  const axe = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
  for (const v of axe.violations)
    for (const n of v.nodes)
      found.push(`contrast below 4.5:1: ${n.target.join(' ')} (${(n.any[0]?.message || '').split('.')[0]})`);
  return found;
}

// Checks `url` at every width; returns the problems, each naming the page.
async function checkPage(page, url, name, signedIn) {
  const out = [];
  for (const w of WIDTHS) {
    await page.setViewportSize({ width: w, height: 900 });
    const resp = await page.goto(url, { waitUntil: 'load' });
    if (resp.status() !== 200) {
      out.push(`${url} at ${w} px: status ${resp.status()}`);
      continue;
    }
    const file = `${name}-${new URL(url).pathname.replace(/[^A-Za-z0-9]+/g, '_')}-${w}.png`;
    await page.screenshot({ path: path.join(SCREENS, file), fullPage: true });
    for (const p of await problems(page, signedIn, w === WIDTHS[WIDTHS.length - 1]))
      out.push(`${new URL(url).pathname} at ${w} px: ${p}`);
  }
  return out;
}

async function newPage() {
  // JavaScript on for the checks only (the pages have none of their own)
  const context = await browser.newContext({
    ignoreHTTPSErrors: true, bypassCSP: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(30_000);
  return context.newPage();
}

// Every page the signed-in menu offers: the sections, then each one's pages.
async function menuPages(page, base) {
  const links = new Set();
  const sections = await page.$$eval('nav.menu a.section', (as) => as.map((a) => a.getAttribute('href')));
  for (const s of sections) {
    await page.goto(base + s, { waitUntil: 'load' });
    for (const h of await page.$$eval('nav.menu a', (as) => as.map((a) => a.getAttribute('href'))))
      links.add(h);
  }
  return [...links].sort();
}

async function signIn(page, base, user) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInForm(page, base, user, DEMO_PW);
  // sign-in lands on the role's start page (issue 18)
  assert.equal(new URL(page.url()).pathname, '/start', `${user} signed in to its start page (at ${page.url()})`);
}

test('X-UI issue 18: the public pages of both portals', { timeout: ROLE_TIMEOUT }, async () => {
  const page = await newPage();
  const bad = [];
  for (const p of ['/', '/login', '/register', '/password/forgot', '/products', '/terms', '/privacy', '/verify'])
    bad.push(...await checkPage(page, INTERNET + p, 'public', false));
  for (const p of ['/', '/login'])
    bad.push(...await checkPage(page, INTRANET + p, 'public-intranet', false));
  await page.context().close();
  assert.deepEqual(bad, [], bad.join('\n'));
});

for (const [user, base] of [['ent-a', INTERNET], ['op-gz', INTRANET], ['sup-gz', INTRANET],
  ['gov-gz', INTRANET], ['fi-gz-mgr', INTRANET], ['aud-gd', INTRANET]]) {
  test(`X-UI issue 18: every page of ${user}'s menu`, { timeout: ROLE_TIMEOUT }, async () => {
    const page = await newPage();
    await signIn(page, base, user);
    const pages = await menuPages(page, base);
    assert.ok(pages.length >= 2, `${user}'s menu offers pages (${pages.join(' ')})`);
    assert.ok(pages.includes('/start'), `${user}'s menu offers its start page (${pages.join(' ')})`);
    const bad = [];
    for (const p of pages)
      bad.push(...await checkPage(page, base + p, user, true));
    await page.context().close();
    assert.deepEqual(bad, [], bad.join('\n'));
  });
}

// The start page of each other demo role (issue 18): where its sign-in
// lands, checked like every other page at each width, with the signed-in
// home page that summarises it.
for (const [user, base] of [['ent-b', INTERNET], ['op-gd', INTRANET], ['sup-gd', INTRANET],
  ['gov-fs', INTRANET], ['fi-gz', INTRANET], ['fi-gz2', INTRANET], ['fi-fs', INTRANET],
  ['sys-gd', INTRANET], ['sec-gd', INTRANET]]) {
  test(`X-UI issue 18: ${user}'s start page and signed-in home`, { timeout: ROLE_TIMEOUT }, async () => {
    const page = await newPage();
    await signIn(page, base, user);
    const bad = await checkPage(page, `${base}/start`, user, true);
    // the home page marks no menu item (it is none)
    bad.push(...await checkPage(page, `${base}/`, `${user}-home`, false));
    await page.context().close();
    assert.deepEqual(bad, [], bad.join('\n'));
  });
}
