// Test reporter: after the run, the slowest test files by the summed time of their top-level tests (so CI output
// shows where its time goes). Used by scripts/test.js beside the spec reporter.
export default async function* fileTimes(source) {
  const perFile = new Map();
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0 && event.data.file) {
      perFile.set(event.data.file, (perFile.get(event.data.file) ?? 0) + (event.data.details?.duration_ms ?? 0));
    }
  }
  const slowest = [...perFile].sort((a, b) => b[1] - a[1]).slice(0, 20);
  const cwd = process.cwd() + '/';
  yield `\nslowest test files (seconds, top-level tests summed):\n`;
  for (const [file, ms] of slowest) yield `${(ms / 1000).toFixed(1).padStart(8)}  ${file.replace(cwd, '')}\n`;
}
