import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
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

export default defineConfig({
  root,
  plugins: [
    krdsIconPaths(),
    react(),
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
