// The veileder's web view in a real browser (issue 13): sign in, see the seeded person's task in the work list,
// filter and sort, open the case and see its timeline drawn (milestones and the tilfelle), mark the task done and
// see it leave the list; a veileder without access to a person sees neither the person nor their tasks. Every page
// passes axe-core's WCAG 2.1 A/AA check. Inputs (SPEC_*): the signed-in and the denied veileder, the seeded task and
// case, and the task of the person the denied veileder may not see.
import assert from 'node:assert/strict';
import { checkAccessibility, openPage, requireEnv, runSpec, screenshot, step } from '../lib/browser.mjs';

const veileder = requireEnv('SPEC_NAVIDENT');
const denied = requireEnv('SPEC_DENIED_NAVIDENT');
const taskId = requireEnv('SPEC_TASK_ID');
const caseId = requireEnv('SPEC_CASE_ID');

async function signIn(browser, navIdent) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const url = new URL('/veileder', requireEnv('BASE_URL')).toString();
  step(`open ${url} as someone not signed in`);
  await page.goto(url);
  assert.match(page.url(), /\/veileder\/sign-in/, 'a page without a session goes to sign-in');
  await checkAccessibility(page);
  step(`sign in as ${navIdent}`);
  await page.getByLabel('NAV-ident').fill(navIdent);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL(/\/veileder(\?|$)/);
  assert.equal(await page.getByTestId('navident').textContent(), navIdent);
  return page;
}

const row = (page) => page.locator(`tr[data-task-id="${taskId}"]`);

await runSpec('veileder-view', async (browser) => {
  const page = await signIn(browser, veileder);
  await checkAccessibility(page);
  assert.equal(await row(page).count(), 1, 'the seeded task is on the work list');

  step('filter: hendelse Møtebehov, frist I dag or earlier is "Alle", latest first');
  await page.getByLabel('Hendelse').selectOption('MOTEBEHOV');
  await page.getByLabel('Sortering').selectOption('-due');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await page.waitForURL(/hendelse=MOTEBEHOV/);
  const codes = await page.locator('tr[data-task-id]').evaluateAll((rows) => rows.map((r) => r.dataset.code));
  assert.ok(codes.length > 0 && codes.every((code) => code === 'MOTEBEHOV'), `only MOTEBEHOV rows, got ${codes}`);
  const dues = await page.locator('tr[data-task-id]').evaluateAll((rows) => rows.map((r) => r.dataset.due));
  assert.deepEqual(dues, [...dues].sort().reverse(), 'latest due date first');
  assert.equal(await row(page).count(), 1, 'the seeded task is still there');
  await screenshot(page, 'work-list');

  step('filter: another hendelse hides it');
  await page.getByLabel('Hendelse').selectOption('VURDER_STANS');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await page.waitForURL(/hendelse=VURDER_STANS/);
  assert.equal(await row(page).count(), 0, 'a VURDER_STANS filter does not show the MOTEBEHOV task');

  step('open the case from its row');
  await page.goto(new URL('/veileder?hendelse=MOTEBEHOV', requireEnv('BASE_URL')).toString());
  await row(page).getByRole('link').click();
  await page.waitForURL(new RegExp(`/veileder/cases/${caseId}`));
  const timeline = page.getByTestId('timeline');
  await timeline.waitFor();
  const milestones = await timeline.locator('[data-milestone]').evaluateAll((marks) => marks.map((m) => `${m.dataset.milestone}:${m.dataset.result}`));
  step(`milestones drawn: ${milestones.join(', ')}`);
  assert.ok(milestones.includes('DIALOGMOTE2_FRIST:PENDING'), 'a pending milestone is drawn');
  assert.ok(milestones.length >= 8, 'every dated milestone of the rule set is drawn');
  assert.equal(await timeline.locator('[data-tilfelle-start]').count(), 1, 'the tilfelle is drawn');
  const period = timeline.locator('[data-period-start]');
  assert.equal(await period.count(), 1, 'the one sykmelding is drawn');
  assert.equal(await period.getAttribute('data-grad'), '100', 'with its grade');
  const box = await period.boundingBox();
  assert.ok(box && box.width > 10, 'the sykmelding bar has a width');
  assert.equal(await timeline.locator('[data-effect="MOTEBEHOV"]').count(), 1, 'the møtebehov task is on the timeline');
  const cameIn = timeline.locator('[data-event="MOTEBEHOV_MELDT"]');
  assert.equal(await cameIn.count(), 1, 'the møtebehov that came in is drawn on its own row');
  const mark = await cameIn.boundingBox();
  assert.ok(mark && mark.width > 4, 'the event mark is visible');
  assert.equal(await page.getByTestId('history').locator('tr[data-came-in="true"]').count(), 1, 'and listed in the history');
  assert.equal(await timeline.locator('[data-today]').count(), 1, 'today is marked');
  await checkAccessibility(page);
  await screenshot(page, 'case');

  step('mark the task done from the work list');
  await page.goto(new URL('/veileder?hendelse=MOTEBEHOV', requireEnv('BASE_URL')).toString());
  await row(page).getByRole('button', { name: /som ferdig/ }).click();
  await page.waitForURL(/hendelse=MOTEBEHOV/);
  assert.equal(await row(page).count(), 0, 'the task left the list');

  step(`a veileder without access (${denied})`);
  const other = await signIn(browser, denied);
  const hiddenTask = requireEnv('SPEC_HIDDEN_TASK_ID');
  assert.equal(await other.locator(`tr[data-task-id="${hiddenTask}"]`).count(), 0, 'the hidden person\'s task is not listed');
  const response = await other.goto(new URL(`/veileder/cases/${requireEnv('SPEC_HIDDEN_CASE_ID')}`, requireEnv('BASE_URL')).toString());
  assert.equal(response.status(), 403);
  assert.match(await other.locator('main').textContent(), /Du har ikke tilgang til denne personen/);
  await checkAccessibility(other);
});
