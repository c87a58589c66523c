import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

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
  plugins: [krdsIconPaths(), react()],
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
