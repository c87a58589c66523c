// One file store interface, two implementations (issue 11, finding 7): this node's folder and the database every
// node shares. Both stream (a file many times a chunk), refuse more than the limit leaving nothing, name a file only
// once committed, and refuse to serve bytes that no longer match their checksum.
import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { CHUNK_BYTES, DatabaseFileStore, sweepOrphanChunks } from '../../src/server/files/database-file-store.ts';
import type { FileStore } from '../../src/server/files/file-store.ts';
import { LocalFileStore } from '../../src/server/files/local-file-store.ts';
import { engines, openTestDatabase, type TestDatabase } from '../support/db.ts';

/** `total` bytes in pieces of `piece` (an uneven size, so chunk boundaries fall inside pieces). */
function source(bytes: Buffer, piece = 10_007): Readable {
  return Readable.from((function* () {
    for (let at = 0; at < bytes.length; at += piece) yield bytes.subarray(at, at + piece);
  })());
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

for (const engine of engines()) {
  describe(`file stores (${engine})`, () => {
    let t: TestDatabase;
    let dir: string;
    before(async () => {
      t = await openTestDatabase(engine, { demo: false });
      dir = await mkdtemp(join(tmpdir(), 'zonelink-store-'));
    });
    after(async () => {
      await t.close();
      await rm(dir, { recursive: true, force: true });
    });

    const stores = (): [string, FileStore][] => [['local', new LocalFileStore(dir, 'attachments')], ['database', new DatabaseFileStore(t.db, 'attachments')]];

    test('a file of several chunks goes in and comes back byte for byte, with its size, SHA-256, head and tail', async () => {
      const bytes = randomBytes(CHUNK_BYTES * 3 + 12_345);
      for (const [name, store] of stores()) {
        const received = await store.receive(source(bytes), bytes.length, 8, 4);
        assert.equal(received.size, bytes.length, name);
        assert.equal(received.sha256, createHash('sha256').update(bytes).digest('hex'), name);
        assert.deepEqual(received.head, bytes.subarray(0, 8), name);
        assert.deepEqual(received.tail, bytes.subarray(bytes.length - 4), name);
        const id = randomUUID();
        await assert.rejects(store.openVerified(id, received.size, received.sha256), /missing/, `${name}: not there before the commit`);
        await store.commitFile(received, id);
        assert.ok((await readAll(await store.openVerified(id, received.size, received.sha256))).equals(bytes), name);
        await store.remove(id);
        await assert.rejects(store.openVerified(id, received.size, received.sha256), /missing/, `${name}: removed`);
      }
      assert.equal(Number((await t.db.selectFrom('stored_file_chunk').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), 0, 'no chunk left');
    });

    test('more than the limit is a 413 and leaves nothing behind; an empty file is a file', async () => {
      for (const [name, store] of stores()) {
        await assert.rejects(store.receive(source(randomBytes(CHUNK_BYTES + 10)), CHUNK_BYTES, 0, 0), (e: { code?: string }) => e.code === 'payload-too-large', name);
        const empty = await store.receive(Readable.from([]), 10, 4, 4);
        assert.equal(empty.size, 0);
        await store.commitFile(empty, `empty-${name}`);
        assert.equal((await readAll(await store.openVerified(`empty-${name}`, 0, empty.sha256))).length, 0);
      }
      assert.deepEqual(await readdir(join(dir, 'tmp')), []);
      const orphans = await t.db.selectFrom('stored_file_chunk').select('blob').where('blob', 'not in', t.db.selectFrom('stored_file').select('blob')).execute();
      assert.deepEqual(orphans, []);
    });

    test('the database store refuses changed bytes, and sweeps the chunks of uploads that never committed', async () => {
      const store = new DatabaseFileStore(t.db, 'attachments');
      const bytes = randomBytes(CHUNK_BYTES + 100);
      const received = await store.receive(source(bytes), bytes.length, 0, 0);
      await store.commitFile(received, 'tampered');
      await sql`update stored_file_chunk set bytes = ${Buffer.alloc(100, 1)} where blob = (select blob from stored_file where id = 'tampered') and seq = 1`.execute(t.db);
      await assert.rejects(store.openVerified('tampered', received.size, received.sha256), /checksum/);
      await assert.rejects(store.openVerified('tampered', received.size, 'f'.repeat(64)), /not the one recorded/);
      const abandoned = await store.receive(source(bytes), bytes.length, 0, 0); // never committed
      assert.equal(await sweepOrphanChunks(t.db, 3_600_000), 0, 'young chunks stay (the upload may still commit)');
      await sql`update stored_file_chunk set created_at = now() - interval '2 hours'`.execute(t.db);
      assert.equal(await sweepOrphanChunks(t.db, 3_600_000), 2);
      const left = await t.db.selectFrom('stored_file_chunk').select('blob').execute();
      assert.ok(left.every((c) => c.blob !== (abandoned as unknown as { blob: string }).blob), 'the abandoned upload went');
      assert.ok(left.length >= 2, 'committed files stay');
    });
  });
}
