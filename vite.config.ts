import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { PurgeCSS } from 'purgecss';
import { fileURLToPath } from 'node:url';
import { constants as zlibConstants } from 'node:zlib';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
const backend = process.env.ZONELINK_API ?? 'http://localhost:3000';

/**
 * krds-uiux 1.1.0 ships component.css with icon URLs that point one folder too deep
 * (`../../img/img/component/...`); the icons live at `../../img/component/...`.
 * Rewrite them so the build resolves (and emits) the real files.
 */
function krdsIconPaths(): Plugin {
  return {
    name: 'zonelink:krds-icon-paths',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('krds-uiux') || !id.split('?')[0]!.endsWith('.css')) return null;
      return { code: code.replaceAll('../../img/img/', '../../img/'), map: null };
    },
  };
}

/**
 * KRDS's stylesheets style every KRDS component (component.css alone is 541 KB); the UI uses a few. Keeps only the
 * rules whose selectors name a class, id or element that appears in the UI's source (PurgeCSS's default extractor:
 * every word of every .ts/.tsx file, so class names in string literals and maps count), plus the custom
 * properties, keyframes and font faces. A class built from pieces (`zl-alert-${kind}`) is not found: KRDS class
 * names must be written whole somewhere in the source.
 */
function krdsUnusedRules(): Plugin {
  const content = [`${root}/**/*.tsx`, `${root}/**/*.ts`, `${root}/index.html`];
  return {
    name: 'zonelink:krds-unused-rules',
    enforce: 'pre',
    apply: 'build',
    async transform(code, id) {
      const file = id.split('?')[0]!;
      if (!/krds-uiux\/resources\/css\/(component\/component|common\/common)\.css$/.test(file)) return null;
      const [result] = await new PurgeCSS().purge({ content, css: [{ raw: code }], keyframes: false, fontFace: false, variables: false });
      return { code: result!.css, map: null };
    },
  };
}

/**
 * The entry (app/main.tsx) is small and imports the app (app/start.tsx) dynamically, so that it can ask for the
 * page's chunk and catalogue first. The page's head still names the app and every chunk it imports as
 * modulepreload links, so the browser fetches them with the entry, not one round trip after it.
 */
function preloadApp(entry: string): Plugin {
  return {
    name: 'zonelink:preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const app = chunks.find((c) => c.facadeModuleId?.endsWith(entry));
        if (!app) throw new Error(`preload-app: no chunk for ${entry}`);
        const files = new Set<string>();
        const visit = (file: string) => {
          if (files.has(file)) return;
          files.add(file);
          for (const imported of chunks.find((c) => c.fileName === file)?.imports ?? []) visit(imported);
        };
        visit(app.fileName);
        // Those the entry imports itself are named already.
        return [...files].filter((file) => !html.includes(file)).map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

/**
 * Pretendard GOV (the KRDS typeface) as pretendard-gov ships it for the web: each weight cut into ~120 woff2 files
 * with a `unicode-range`, so a page downloads only the subsets holding the glyphs it shows. Keeps the weights the UI
 * uses and drops the woff fallback (every supported browser reads woff2).
 */
function pretendardSubsets(weights: readonly number[]): Plugin {
  return {
    name: 'zonelink:pretendard-subsets',
    enforce: 'pre',
    transform(code, id) {
      if (!id.split('?')[0]!.endsWith('pretendard-gov/dist/web/static/pretendard-gov-dynamic-subset.css')) return null;
      const faces = code.match(/@font-face\s*{[^}]*}/g) ?? [];
      const kept = faces
        .filter((face) => weights.includes(Number(/font-weight:\s*(\d+)/.exec(face)?.[1])))
        .map((face) => face.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/, ''));
      if (kept.length === 0) throw new Error('pretendard-gov: no @font-face of the wanted weights (did the package change?)');
      return { code: kept.join('\n'), map: null };
    },
  };
}

export default defineConfig({
  root,
  plugins: [
    krdsIconPaths(),
    krdsUnusedRules(),
    pretendardSubsets([400, 500, 700]),
    react(),
    preloadApp('/app/start.tsx'),
    // Brotli and gzip next to every compressible file at build time, at the highest levels (they are built once
    // and served many times): the server sends them as negotiated (@fastify/static `preCompressed`).
    compression({
      include: /\.(html|css|js|svg|json)$/,
      threshold: 1024,
      algorithms: [defineAlgorithm('brotliCompress', { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }), defineAlgorithm('gzip', { level: 9 })],
    }),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    // KRDS references each icon many times; emit files instead of repeating data URIs.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': backend,
      '/geo': backend,
      '/healthz': backend,
    },
  },
});
