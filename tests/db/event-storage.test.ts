// Valid events stored exactly as parsed: spooled as binary records, then written with COPY's binary format on
// PostgreSQL and with batched inserts on PGlite — nulls, negatives, the largest integers, fractions of a
// millisecond-precise instant, instants before PostgreSQL's epoch (2000), far-off offsets.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { RowParser, type StoredEvent } from '../../src/domain/demonstrations/events.ts';
import { insertSpooled, spool } from '../../src/server/demonstrations/upload.ts';
import { engines, openTestDatabase, type TestDatabase } from '../support/db.ts';

const context = { from: Date.parse('1990-01-01T00:00:00Z'), to: Date.parse('2100-01-01T00:00:00Z'), fromLabel: '1990-01-01', toLabel: '2099-12-31' };
const CSV = [
  'ts,deviceId,sessionId,lon,lat,speed,altitude,load,people',
  '2026-06-01T12:34:56.789+09:00,0,2147483647,-179.999999,-89.5,0,-100000,1000000000,1000000',
  '1999-12-31T23:59:59.999Z,2147483647,0,180,90,1e6,0.000001,0,0',
  '1995-03-04T05:06:07-14:00,,,,,,,,',
  '2026-01-01T00:00Z,7,8,128.80010,35.05000,12.5,-0,3.14159265358979,2',
  '2099-12-31T23:59:59.999+14:00,1,1,1e-7,-1e-7,999999.999999,123456.789,0.1,0.2',
].join('\r\n');

for (const engine of engines()) {
  describe(`event storage (${engine})`, () => {
    let t: TestDatabase;
    before(async () => { t = await openTestDatabase(engine, { demo: false }); });
    after(async () => { await t.close(); });

    test('every value comes back as it was parsed', async () => {
      const parser = new RowParser('csv', context);
      const expected = CSV.split('\r\n').map((line, i) => parser.line(line, i + 1).event).filter((e): e is StoredEvent => e !== null);
      assert.equal(expected.length, 5);
      const spooled = await spool({ stream: Readable.from([Buffer.from(CSV)]), format: 'csv', context });
      const project = randomUUID();
      const upload = randomUUID();
      try {
        assert.deepEqual(spooled.issues, []);
        const stored = await t.db.transaction().execute((trx) => insertSpooled(trx, spooled, project, upload));
        assert.equal(stored, 5);
      } finally {
        await spooled.dispose();
      }
      const rows = await t.db.selectFrom('demonstration_event').selectAll().where('upload_id', '=', upload).orderBy('row_no').execute();
      assert.deepEqual(rows.map((r) => [r.project_id, r.upload_id, r.row_no]), [2, 3, 4, 5, 6].map((n) => [project, upload, n]));
      const back = rows.map((r): StoredEvent => ({
        ts: new Date(r.ts).getTime(), deviceId: r.device_id, sessionId: r.session_id, lon: r.lon, lat: r.lat, speed: r.speed, altitude: r.altitude, load: r.load, people: r.people,
      }));
      // −0 is stored as 0 by either engine's float8 (and was before); compare it as 0.
      assert.deepEqual(back, expected.map((e) => ({ ...e, altitude: e.altitude === 0 ? 0 : e.altitude })));
    });
  });
}
