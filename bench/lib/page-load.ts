// One cold page load in Chromium under an emulated network and CPU: its largest contentful paint and what it
// transferred (all of it, and its JavaScript), read from the page's own performance entries.
import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface NetworkProfile {
  name: string;
  /** Round-trip time added to each request (ms). */
  latencyMs: number;
  /** Download and upload in bits per second. */
  downBps: number;
  upBps: number;
  /** CPU slowdown factor (1 = none). */
  cpu: number;
}

export const PROFILES: readonly NetworkProfile[] = [
  { name: 'slow4g', latencyMs: 150, downBps: 1_600_000, upBps: 750_000, cpu: 4 },
  { name: '10mbit', latencyMs: 40, downBps: 10_000_000, upBps: 10_000_000, cpu: 1 },
];

export interface PageLoad {
  lcpMs: number;
  transferBytes: number;
  jsBytes: number;
}

/** Records the latest largest-contentful-paint candidate of the page in `window.__lcp`. */
const OBSERVE_LCP = `window.__lcp = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp = e.startTime; })
  .observe({ type: 'largest-contentful-paint', buffered: true });`;

/** True when no loading line shows on the page (the planner keeps an empty one as a live region). Runs in the page. */
export const nothingLoading = (): boolean => [...document.querySelectorAll('.zl-loading')].every((e) => e.textContent?.trim() === '');

/** Emulates `profile` on the page through the DevTools protocol (before it navigates). */
export async function throttle(context: BrowserContext, page: Page, profile: NetworkProfile): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latencyMs,
    downloadThroughput: profile.downBps / 8,
    uploadThroughput: profile.upBps / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
}

/**
 * Loads `url` in a fresh context (cold cache) under `profile`; `prepare` runs in that context first (e.g. signs in).
 * Waits for the load event, for `ready` (a selector of the page's main content, if any) to show with no loading
 * line, and for the network to stay quiet for a second, then reads the performance entries.
 */
export async function loadPage(
  browser: Browser,
  url: string,
  profile: NetworkProfile,
  options: { ready?: string; prepare?: (context: BrowserContext) => Promise<void> } = {},
): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    await options.prepare?.(context);
    await context.addInitScript(OBSERVE_LCP);
    const page = await context.newPage();
    await throttle(context, page, profile);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    if (options.ready) {
      await page.locator(options.ready).first().waitFor({ timeout: 120_000 });
      await page.waitForFunction(nothingLoading, undefined, { timeout: 120_000 });
    }
    let count = -1;
    for (;;) {
      const now = await page.evaluate(() => performance.getEntriesByType('resource').length);
      if (now === count) break;
      count = now;
      await page.waitForTimeout(1000);
    }
    // No named functions inside: tsx would wrap them in a helper the page does not have.
    const entries = await page.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({
        path: new URL(e.name).pathname,
        bytes: (e as PerformanceResourceTiming).transferSize,
      })),
    );
    const sum = (list: { bytes: number }[]) => list.reduce((total, e) => total + e.bytes, 0);
    return {
      lcpMs: Math.round(await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp)),
      transferBytes: sum(entries),
      jsBytes: sum(entries.filter((e) => e.path.endsWith('.js'))),
    };
  } finally {
    await context.close();
  }
}
