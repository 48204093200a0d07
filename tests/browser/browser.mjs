// The one Chromium of the browser suite.
//
// run.mjs launches Debian's chromium once, as a playwright browser server,
// and hands its address to every test file in DUIJIE_BROWSER_WS; a file
// connects with connectBrowser() and closes only its own connection.  A
// file run on its own (node --test register.test.mjs) launches a browser
// of its own through the same function.
//
// Starting Chromium is the step that flakes on a busy machine (a manual
// start takes about a second, playwright's 15 s went by once on a quiet
// run): each launch gets LAUNCH_TIMEOUT, a launch that fails is retried
// once (only the launch), and every failure says which step timed out.

import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// DUIJIE_BROWSER_LAUNCH_MS: only to see the timeout path without waiting
export const LAUNCH_TIMEOUT = Number(process.env.DUIJIE_BROWSER_LAUNCH_MS) || 60_000;
const CONNECT_TIMEOUT = 60_000;
const ATTEMPTS = 2;

const LAUNCH = {
  executablePath: CHROMIUM,
  headless: true,
  // playwright-core starts chromium with a fresh temporary
  // --user-data-dir of its own (and refuses one in args)
  args: [
    '--headless', '--no-sandbox', '--disable-gpu',
    '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run',
  ],
  timeout: LAUNCH_TIMEOUT,
};

// Runs start() up to ATTEMPTS times; `what` names the step in messages
// (on stderr, so they reach the log without disturbing the TAP stream).
// Throws the last error, its message prefixed with the step's name.
async function twice(what, start) {
  let last;
  for (let i = 1; i <= ATTEMPTS; i++) {
    const t0 = Date.now();
    try {
      return await start();
    } catch (e) {
      last = e;
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      const timedOut = e?.name === 'TimeoutError' || /timeout/i.test(String(e?.message));
      console.error(`# ${what}: attempt ${i} of ${ATTEMPTS} ${timedOut ? 'timed out' : 'failed'} ` +
        `after ${secs} s: ${String(e?.message).split('\n')[0]}`);
    }
  }
  throw new Error(`${what} failed ${ATTEMPTS} times: ${last?.message}`);
}

// The suite's browser server (run.mjs).  The caller closes it.
export function launchServer() {
  return twice(`chromium launch (${CHROMIUM}, ${LAUNCH_TIMEOUT / 1000} s each)`,
    () => chromium.launchServer(LAUNCH));
}

// A browser for one test file: a connection to the suite's server when
// run.mjs started one, else a browser of its own.  browser.close() ends
// the connection (and the contexts it made), or the browser it launched.
export function connectBrowser() {
  const ws = process.env.DUIJIE_BROWSER_WS;
  if (ws)
    return twice(`connecting to the suite's chromium (${CONNECT_TIMEOUT / 1000} s each)`,
      () => chromium.connect(ws, { timeout: CONNECT_TIMEOUT }));
  return twice(`chromium launch (${CHROMIUM}, ${LAUNCH_TIMEOUT / 1000} s each)`,
    () => chromium.launch(LAUNCH));
}

// The steps of one journey, in order: each a test that runs only when the
// one before it passed (a later step needs what the earlier made).
export function stepper(test, timeout) {
  let ok = true;
  return (name, fn) => test(name, { timeout }, async () => {
    if (!ok)
      throw new Error('previous step failed');
    ok = false;
    await fn();
    ok = true;
  });
}

// Clicks `selector` and waits for the page it loads; returns its response.
export async function submit(page, selector) {
  const [resp] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.click(selector),
  ]);
  return resp;
}

// Signs `page` in as `user` at `base` through the sign-in form.  Every
// browser test comes from 127.0.0.1, and nginx allows 10 sign-in POSTs a
// minute (burst 5) from one address: a refusal by that limit (429, the
// limiter's `limit_req_status`, before the app) is waited out and the
// form sent again, never the limit weakened.  Returns the last response.
export async function signInForm(page, base, user, password, tries = 8) {
  let resp;
  for (let i = 0; i < tries; i++) {
    await page.goto(`${base}/login`);
    await page.fill('#username', user);
    await page.fill('#password', password);
    resp = await submit(page, 'form[action="/login"] button[type="submit"]');
    if (resp === null || resp.status() !== 429)
      return resp;
    await new Promise((done) => setTimeout(done, 6_500));	// 10 a minute
  }
  return resp;
}

// A page in a context of its own (its own cookies), JavaScript off as the
// portals' users may have it, signed in as `user` at `base` through the
// sign-in form.  The caller checks where the sign-in landed.
export async function signInNoJs(browser, base, user, password,
  { wait = 15_000, viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    javaScriptEnabled: false,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport,
  });
  context.setDefaultTimeout(wait);
  context.setDefaultNavigationTimeout(wait);
  const page = await context.newPage();
  await signInForm(page, base, user, password);
  return page;
}
