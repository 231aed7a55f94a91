// A session that has expired goes back to sign-in (issue 13). The server under test keeps sessions for
// SPEC_SESSION_SECONDS; the spec signs in, waits past it, and navigates.
import assert from 'node:assert/strict';
import { requireEnv, runSpec, step } from '../lib/browser.mjs';

await runSpec('veileder-session-expiry', async (browser) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(new URL('/veileder/sign-in', requireEnv('BASE_URL')).toString());
  await page.getByLabel('NAV-ident').fill(requireEnv('SPEC_NAVIDENT'));
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL(/\/veileder(\?|$)/);
  step('signed in; waiting for the session to expire');
  await new Promise((resolve) => setTimeout(resolve, (Number(requireEnv('SPEC_SESSION_SECONDS')) + 1) * 1000));
  await page.goto(new URL('/veileder', requireEnv('BASE_URL')).toString());
  assert.match(page.url(), /\/veileder\/sign-in/, 'an expired session goes back to sign-in');
});
