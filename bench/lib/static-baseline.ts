// The web benchmark's baseline: each page as a static HTML file with the same visible text and the same fonts
// (the @font-face rules the app's stylesheet declares, pointing at the same font files) and no script, served
// gzip-compressed by a bare Node HTTP server that also serves the built font files.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

/** The page as it shows now, as static HTML: the rendered body without scripts, the font faces, no other style. */
export async function snapshotPage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const faces: string[] = [];
    for (const sheet of [...document.styleSheets]) {
      for (const rule of [...sheet.cssRules]) if (rule instanceof CSSFontFaceRule) faces.push(rule.cssText);
    }
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const node of body.querySelectorAll('script, noscript, link')) node.remove();
    const style = `${faces.join('\n')}\nbody { font-family: 'Pretendard GOV', sans-serif; max-width: 1200px; margin: 0 auto; }`;
    return `<!doctype html><html lang="${document.documentElement.lang}"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${document.title}</title>` +
      `<style>${style}</style></head>${body.outerHTML}</html>`;
  });
}

const TYPES: Record<string, string> = { '.woff2': 'font/woff2', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** Serves `pages` at /<name>.html (gzip) and the built files under /assets/ from `webDir`; returns its base URL. */
export async function serveBaseline(pages: Map<string, string>, webDir: string, port: number): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const html = /^\/([\w-]+)\.html$/.exec(path);
    if (html && pages.has(html[1]!)) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', 'cache-control': 'no-cache' });
      response.end(gzipSync(pages.get(html[1]!)!, { level: 9 }));
      return;
    }
    const file = normalize(path);
    if (!file.startsWith('/assets/')) {
      response.writeHead(404).end();
      return;
    }
    readFile(join(webDir, file)).then(
      (body) => response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=31536000, immutable' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, server };
}
