// The browser-test library: Debian's chromium driven by playwright-core, and axe-core for accessibility.
// Each spec in specs/ is a node script run by tests/Sykefravaer.Testing (BrowserSpec) or by hand; it reads its
// inputs from the environment (BASE_URL, SCREENSHOT_DIR, SPEC_*), prints each step, and exits 0 on success or 1 with
// the reason. playwright-core is used on purpose: it never downloads a browser, so the one that runs is the machine's
// (apt-get install chromium; .ci/run does it).
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Debian's chromium; CHROMIUM_PATH points elsewhere on a machine that keeps it elsewhere. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// The WCAG 2.1 A and AA rules: what public-sector web pages in Norway must meet (likestillings- og
// diskrimineringsloven, forskrift om universell utforming av IKT).
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const failingImpacts = new Set(['serious', 'critical']);

/** Prints one step of a spec, so a failure's output shows how far it got. */
export function step(message) {
  console.log(`- ${message}`);
}

/** The value of a required environment variable, or a failure that names it. */
export function requireEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: the spec needs it (README.md, "Browser tests").`);
  }
  return value;
}

/** The base URL of the site under test (BASE_URL). */
export function baseUrl() {
  return requireEnv('BASE_URL');
}

/** Where screenshots go (SCREENSHOT_DIR; by hand, tests/browser/screenshots), created when missing. */
export function screenshotDir() {
  const dir = process.env.SCREENSHOT_DIR || path.join(packageRoot, 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Launches chromium headless with the flags a root user in a container needs. */
export async function launchBrowser() {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No chromium at ${chromiumPath}: install Debian's (apt-get install -y chromium chromium-driver; bash .ci/run does) `
        + 'or set CHROMIUM_PATH. Browsers are never downloaded.');
  }
  // Debian's /usr/bin/chromium is a shell wrapper; on some containers its /dev/shm check prints
  // "[: ...: unexpected operator" to standard error. Harmless: --disable-dev-shm-usage below does what it would.
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      // Chromium's sandbox refuses to run as root, and containers lack the namespaces it needs.
      '--no-sandbox',
      // /dev/shm is 64 MB in a container: a page larger than that would crash the renderer.
      '--disable-dev-shm-usage',
      // No GPU on the build machines.
      '--disable-gpu',
    ],
  });
}

/** Opens BASE_URL + relativePath in a new page and waits for it to load; throws on an HTTP error. */
export async function openPage(browser, relativePath = '/') {
  const page = await browser.newPage();
  // Well under BrowserSpec's timeout, so a missing element fails with its selector rather than a killed process.
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
  const url = new URL(relativePath, baseUrl()).toString();
  step(`open ${url}`);
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || !response.ok()) {
    throw new Error(`${url} answered ${response ? response.status() : 'nothing'}`);
  }
  return page;
}

/** Saves a full-page screenshot as SCREENSHOT_DIR/name.png and returns its path. */
export async function screenshot(page, name) {
  const file = path.join(screenshotDir(), `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  step(`screenshot ${file}`);
  return file;
}

/**
 * Runs axe-core's WCAG 2.1 A/AA rules on the page and throws when any violation is serious or critical, naming each
 * rule, its impact, its help text and the offending elements. Minor and moderate ones are printed, not failed.
 * Returns axe's results.
 */
export async function checkAccessibility(page) {
  step('check accessibility (axe-core, WCAG 2.1 A/AA)');
  await page.addScriptTag({ path: path.join(packageRoot, 'node_modules', 'axe-core', 'axe.min.js') });
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    wcagTags);
  const describe = (v) => `${v.id} (${v.impact}): ${v.help} [${v.helpUrl}]\n`
    + v.nodes.map((node) => `    at ${node.target.join(' ')}`).join('\n');
  const failing = results.violations.filter((v) => failingImpacts.has(v.impact));
  for (const v of results.violations.filter((v) => !failingImpacts.has(v.impact))) {
    console.log(`  accessibility (not failing): ${describe(v)}`);
  }
  if (failing.length > 0) {
    throw new Error(`${failing.length} serious or critical accessibility violation(s) on ${page.url()}:\n`
      + failing.map((v) => `  ${describe(v)}`).join('\n'));
  }
  return results;
}

/**
 * Runs a spec's body with a launched browser, then closes it. On failure: a screenshot of each open page
 * (failure-N.png), the reason on standard error, exit code 1.
 */
export async function runSpec(name, body) {
  console.log(`spec ${name} against ${process.env.BASE_URL ?? '(BASE_URL not set)'}`);
  let browser;
  try {
    browser = await launchBrowser();
    await body(browser);
    console.log(`spec ${name}: passed`);
  } catch (error) {
    await screenshotsOnFailure(browser);
    console.error(`spec ${name}: FAILED: ${error && error.message ? error.message : error}`);
    process.exitCode = 1;
  } finally {
    await browser?.close();
  }
}

async function screenshotsOnFailure(browser) {
  const pages = browser ? browser.contexts().flatMap((context) => context.pages()) : [];
  for (const [index, page] of pages.entries()) {
    try {
      await screenshot(page, `failure-${index + 1}`);
    } catch {
      // The page may be what failed (crashed or closed); the reason printed next is what matters.
    }
  }
}
