// `npm run openapi`: writes docs/openapi.json from the routes' schemas (no database needed); `--check` fails when the
// checked-in file differs from what the routes describe now.
import { readFile, writeFile } from 'node:fs/promises';
import { describeApi, OPENAPI_FILE } from '../src/server/system/describe-api.ts';

const text = await describeApi();
if (process.argv.includes('--check')) {
  const stored = await readFile(OPENAPI_FILE, 'utf8').catch(() => '');
  if (stored !== text) {
    console.error(`${OPENAPI_FILE} is stale: run npm run openapi`);
    process.exit(1);
  }
} else {
  await writeFile(OPENAPI_FILE, text);
  console.log(`wrote ${OPENAPI_FILE}`);
}
