// Reading an upload chunk by chunk: whatever the chunk boundaries (inside a UTF-8 character, between CR and LF,
// in the middle of a line), the rows, their numbers and the issues are those of the whole file in one chunk;
// bytes that are not UTF-8 refuse the body even when the chunks around them are ASCII.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { StoredEvent } from '../../domain/demonstrations/events.ts';
import { emptyTally, parseChunks, type ParseTally } from './upload.ts';

const context = { from: Date.parse('2026-01-01T00:00:00+09:00'), to: Date.parse('2027-01-01T00:00:00+09:00'), fromLabel: '2026-01-01', toLabel: '2026-12-31' };
const FILE = Buffer.from([
  '\uFEFFts,deviceId,lon,lat',
  '2026-03-01T00:00:00+09:00,1,129.1,35.1',
  '2026-03-01T00:00:01+09:00,한국,129.1,35.1',
  '',
  '"2026-03-01T00:00:02+09:00",2,"129.2",35.2',
  '2025-03-01T00:00:02+09:00,3,,35.2',
  '2026-03-01T00:00:03Z,4,129.3,35.3',
].join('\r\n'));

async function read(chunks: Buffer[]): Promise<{ tally: ParseTally; rows: [number, StoredEvent][]; sha256: string }> {
  const tally = emptyTally();
  const rows: [number, StoredEvent][] = [];
  const hash = createHash('sha256');
  async function* stream(): AsyncGenerator<Buffer> { yield* chunks; }
  for await (const chunk of parseChunks({ stream: stream(), format: 'csv', context }, hash, tally, (row, e) => rows.push([row, e]))) void chunk;
  return { tally, rows, sha256: hash.digest('hex') };
}

const cut = (buf: Buffer, at: number[]): Buffer[] => {
  const points = [...new Set(at.map((a) => a % (buf.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((p, i) => buf.subarray(p, points[i] ?? buf.length));
};

describe('upload chunks', () => {
  test('any chunking gives the same rows, issues and hash as one chunk', async () => {
    const whole = await read([FILE]);
    assert.deepEqual(whole.rows.map(([row]) => row), [2, 5, 7]);
    assert.deepEqual(whole.tally.issues.map((i) => `${i.row}:${i.column}:${i.code}`), ['3:deviceId:type', '6:ts:outOfPeriod', '6:lon:required']);
    assert.equal(whole.tally.issues[0]!.params.value, '한국');
    await fc.assert(fc.asyncProperty(fc.array(fc.nat(), { maxLength: 40 }), async (at) => {
      assert.deepEqual(await read(cut(FILE, at)), whole);
    }), { numRuns: 200 });
  });

  test('a broken UTF-8 sequence refuses the body, also when ASCII chunks follow it', async () => {
    const bad = Buffer.concat([Buffer.from('ts\n'), Buffer.from([0xed, 0x95]), Buffer.from('\n2026-03-01T00:00:00Z\n')]);
    for (const at of [[], [3], [4], [5], [3, 4, 5]]) {
      await assert.rejects(read(cut(bad, at)), (e: Error & { code?: string }) => e.code === 'malformed-body', `cut at ${at.join(',')}`);
    }
    // The rest of a character after an ASCII chunk: not a character at all.
    const split = Buffer.concat([Buffer.from('ts\n'), Buffer.from([0xed, 0x95]), Buffer.from('x'), Buffer.from([0x9c]), Buffer.from('\n')]);
    await assert.rejects(read(cut(split, [3, 5, 6])), (e: Error & { code?: string }) => e.code === 'malformed-body');
  });
});
