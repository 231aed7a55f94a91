// Proves the harness itself (tests/Sykefravaer.Api.Tests/Browser): opens SPEC_PATH, clicks its one button, sees the
// status text change, checks accessibility and keeps a screenshot. The C# test serves one page that passes and one
// that must fail the accessibility check.
import assert from 'node:assert/strict';
import { checkAccessibility, openPage, requireEnv, runSpec, screenshot, step } from '../lib/browser.mjs';

await runSpec('harness-selftest', async (browser) => {
  const page = await openPage(browser, requireEnv('SPEC_PATH'));
  const status = page.locator('#status');
  const before = await status.textContent();

  step('click the button');
  await page.getByRole('button').click();
  // The page changes the text in a click handler; wait for it rather than read at once.
  await page.waitForFunction((old) => document.querySelector('#status')?.textContent !== old, before);
  const after = await status.textContent();
  assert.notEqual(after, before, 'the status text did not change after the click');
  step(`status changed: "${before}" -> "${after}"`);

  await screenshot(page, 'after-click');
  await checkAccessibility(page);
});
