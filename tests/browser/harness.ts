// What every browser test file shares: where Chromium and the built UI are, whether to skip, how to
// launch the browser, the server-and-browser fixture of a describe block, and the axe-core check (serious and
// critical violations only).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import axeCore from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { BrowserTestServer, BrowserTestServerOptions } from './server.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const distIndex = `${repo}dist/web/index.html`;
export const screenshots = `${repo}screenshots`;
export const PASSWORD = 'zonelink-demo';
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumMissing = !existsSync(executablePath);

/** Browser tests skip (with this message) only when there is no Chromium and CI is not set. */
export const skip: string | false =
  chromiumMissing && !process.env.CI ? `no Chromium at ${executablePath} (set CHROMIUM_PATH or install chromium); browser tests skipped` : false;
if (skip) console.warn(`[browser tests] ${skip}`);

/** Fails clearly when Chromium or the built UI is missing; otherwise starts headless Chromium. */
export async function launchBrowser(): Promise<Browser> {
  if (chromiumMissing) throw new Error(`CI is set but no Chromium exists at ${executablePath} (set CHROMIUM_PATH)`);
  if (!existsSync(distIndex)) throw new Error(`${distIndex} is missing: build the UI first with \`npx vite build\` (npm run build:web)`);
  mkdirSync(screenshots, { recursive: true });
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A browser context of its own and its page; close the context when done. */
export interface OpenedPage {
  context: BrowserContext;
  page: Page;
}

/** What a describe block gets from `useBrowserServer`; the accessors throw before the `before` hook has run. */
export interface BrowserFixture {
  /** The running test server: its URL, database and Fastify app. */
  server(): BrowserTestServer;
  /** The server's URL, e.g. `http://127.0.0.1:41234`. */
  base(): string;
  browser(): Browser;
  /** Page errors of every page opened through `newPage` or `signedIn`. */
  pageErrors: string[];
  /** A fresh context and page, optionally starting in `lang` (see `openPage`). */
  newPage(lang?: string, options?: PageOptions): Promise<OpenedPage>;
  /** A fresh context and page, signed in as `email` through the login page. */
  signedIn(email: string, lang?: string, options?: PageOptions): Promise<OpenedPage>;
}

/**
 * Registers the `before` and `after` hooks of the calling describe block: starts a test server (seeded with
 * `options.seed` before it listens) and Chromium, and closes both afterwards.
 */
export function useBrowserServer(options: BrowserTestServerOptions = {}): BrowserFixture {
  let server: BrowserTestServer | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  before(async () => {
    const { startBrowserTestServer } = await import('./server.ts');
    server = await startBrowserTestServer(options);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const fixture: BrowserFixture = {
    server() {
      if (!server) throw new Error('test server not started');
      return server;
    },
    base: () => fixture.server().url,
    browser() {
      if (!browser) throw new Error('browser not started');
      return browser;
    },
    pageErrors,
    newPage: (lang, options) => openPage(fixture.browser(), pageErrors, lang, options),
    async signedIn(email, lang, options) {
      const opened = await fixture.newPage(lang, options);
      await signIn(opened.page, fixture.base(), email);
      return opened;
    },
  };
  return fixture;
}

/**
 * axe-core's serious and critical violations on the page as it is; `atRest` first moves the pointer away,
 * blurs the focused element and waits out KRDS's colour transitions.
 */
export async function seriousViolations(page: Page, options: { atRest?: boolean } = {}): Promise<string[]> {
  if (options.atRest) {
    await page.mouse.move(0, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.waitForTimeout(400);
  }
  // Evaluated through the DevTools protocol, so the app's CSP (script-src 'self') still applies to the app.
  await page.evaluate(axeCore.source);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof axeCore }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} @ ${v.targets.join(', ')}`);
}

/** Fails with axe-core's serious and critical violations on the page (`what` names it), checked at rest unless told not to. */
export async function assertAccessible(page: Page, what: string, options: { atRest?: boolean } = {}): Promise<void> {
  assert.deepEqual(await seriousViolations(page, { atRest: options.atRest ?? true }), [], `axe on ${what}`);
}

/** KRDS checkboxes and radios are drawn by their label: ticks the box with this id through it, unless it is ticked. */
export async function tick(page: Page, id: string): Promise<void> {
  const input = page.locator(`#${id}`);
  if (await input.isChecked()) return;
  await page.locator(`label[for="${id}"]`).click();
  assert.ok(await input.isChecked(), `#${id} checked`);
}

/** A full-page screenshot from the top of the page, saved as screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true });
}

/** How the browser of a page is set up beyond its language: its clock's time zone (IANA name, default the machine's). */
export interface PageOptions {
  timezoneId?: string;
}

/** A fresh context and page (1280×900), optionally starting in `lang`; page errors are collected. */
async function openPage(browser: Browser, pageErrors: string[], lang?: string, options: PageOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}) });
  if (lang) {
    await context.addInitScript((l) => {
      if (!sessionStorage.getItem('zl-test-init')) {
        localStorage.setItem('zonelink.lang', l);
        sessionStorage.setItem('zl-test-init', '1');
      }
    }, lang);
  }
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return { context, page };
}

/** Signs in through the login page and waits for the own page. */
export async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.fill('#login-email', email);
  await page.fill('#login-password', PASSWORD);
  await page.click('form button[type=submit]');
  await page.waitForURL(`${base}/me`);
  await page.getByTestId('me-email').waitFor();
}
