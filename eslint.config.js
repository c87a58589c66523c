// Lint: typescript-eslint with type information; the domain may not import I/O or UI modules; the web app's import
// zones (decision record 0041): web imports only web, the contract and the pure domain; a feature reaches another
// feature only through its index.ts; shared code imports no feature; no import cycles.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

const FEATURES = readdirSync(`${import.meta.dirname}/src/web/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Writes that still open their own transaction and call appendAudit (decision record 0035); the list only shrinks. */
const NOT_YET_ON_THE_WRITE_PATH = [
  'src/server/inventory/routes.ts',
  'src/server/regulations/import.ts',
  'src/server/regulations/routes.ts',
  'src/server/demonstrations/attachments.ts',
  'src/server/demonstrations/import.ts',
  'src/server/demonstrations/upload-store.ts',
  'src/server/demonstrations/suspensions.ts',
  'src/server/demonstrations/reports.ts',
  'src/server/zones/after-routes.ts',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'bench/results/**', 'screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', {
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }],
      }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['fastify', '@fastify/*', 'kysely', 'pg', '@electric-sql/*', 'react', 'react-dom', 'nodemailer', 'node:fs', 'node:net', 'node:http'], message: 'The domain is pure: no I/O, framework or UI imports.' },
          { group: ['**/server/**', '**/db/**', '**/web/**', '**/cli/**'], message: 'The domain may not depend on outer layers.' },
        ],
      }],
    },
  },
  {
    // One write path (decision records 0035, 0048): only src/server/write/run-write.ts appends to the audit log; a write
    // is a use case run by runWrite (or runSystemWrite for scans). The seed writes demo data with its audit entries
    // directly; tests set up audit chains directly. NOT_YET lists the files still to move (0035 "Not yet on the write path").
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts', 'src/db/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['src/server/write/run-write.ts', 'src/server/audit/**', 'src/db/seed/**', ...NOT_YET_ON_THE_WRITE_PATH],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/audit/append.ts', '**/audit/append'], message: 'Audit through the one write path: a use case run by runWrite / runSystemWrite (src/server/write/run-write.ts) and ctx.audit.' }],
      }],
    },
  },
  {
    // The contract (request and response schemas) is shared by server and browser: TypeBox, other contract files
    // and the pure domain's vocabularies only.
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!typebox$|\\./[^/]+\\.ts$|\\.\\./domain/)', message: 'The contract is pure: it imports typebox, other contract files and the pure domain only.' },
        ],
      }],
    },
  },
  {
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', {
        zones: [
          {
            target: './src/web', from: './src', except: ['./web', './contract', './domain'],
            message: 'The web app imports only web code, the contract (src/contract) and the pure domain (src/domain).',
          },
          {
            target: ['./src/web/shared', './src/web/i18n'], from: ['./src/web/features', './src/web/app'],
            message: 'Shared code and catalogues import no feature and not the app shell.',
          },
          { target: './src/web/features', from: './src/web/app', message: 'A feature does not import the app shell.' },
          ...FEATURES.map((feature) => ({
            target: `./src/web/features/${feature}`,
            from: './src/web/features',
            except: [`./${feature}`, ...FEATURES.filter((other) => other !== feature).map((other) => `./${other}/index.ts`)],
            message: 'A feature reaches another feature only through its index.ts.',
          })),
          {
            target: './src/web/app', from: './src/web/features',
            except: FEATURES.flatMap((feature) => [`./${feature}/index.ts`, `./${feature}/routes`]),
            message: 'The app shell reaches a feature through its index.ts, or a route module it loads lazily.',
          },
        ],
      }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
