// tests/browser/run.mjs -- the browser suite: one Chromium for every file.
//
//   node run.mjs [FILE.test.mjs ...]     (default: every *.test.mjs here)
//
// Launches chromium once (browser.mjs: 60 s, the launch retried once),
// runs `node --test --test-reporter=tap` on the files with the server's
// address in DUIJIE_BROWSER_WS, closes the browser, and exits with the
// test run's status.  When chromium cannot be started the output says so
// ("# chromium launch ... timed out") and the exit status is 1, with no
// TAP summary, so scripts/dev counts the suite as failed.
// Run by `scripts/dev test` (step e), which exports INTERNET, INTRANET,
// DUIJIE_STATE and NODE_EXTRA_CA_CERTS.

import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchServer } from './browser.mjs';

const dir = path.dirname(fileURLToPath(import.meta.url));
const files = process.argv.length > 2 ? process.argv.slice(2) :
  readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort();

let server;
try {
  const t0 = Date.now();
  server = await launchServer();
  console.error(`# chromium started in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
} catch (e) {
  console.log(`# ${e.message}`);
  console.log('Bail out! the browser suite cannot run without chromium');
  process.exit(1);
}

const child = spawn(process.execPath, ['--test', '--test-reporter=tap', ...files], {
  cwd: dir,
  stdio: 'inherit',
  env: { ...process.env, DUIJIE_BROWSER_WS: server.wsEndpoint() },
});
const stop = (sig) => child.kill(sig);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
const code = await new Promise((resolve) => {
  child.on('exit', (c, sig) => resolve(c ?? (sig ? 1 : 0)));
  child.on('error', (e) => {
    console.log(`# cannot run node --test: ${e.message}`);
    resolve(1);
  });
});
await server.close().catch(() => {});
process.exit(code);
