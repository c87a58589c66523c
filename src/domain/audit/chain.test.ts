import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { canonicalJson, entryHash, GENESIS_HASH, verifyChain, type AuditContent, type ChainEntry } from './chain.ts';

const content = (i: number, after: unknown = { n: i }): AuditContent => ({
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), requestId: `r${i}`, actorUserId: 'u', actorOrganisationId: 'o',
  action: 'x:update', objectType: 'x', objectId: String(i), before: null, after,
});

function chain(contents: AuditContent[]): ChainEntry[] {
  let prev = GENESIS_HASH;
  return contents.map((c, i) => {
    const hash = entryHash(prev, c);
    const entry = { ...c, seq: i + 1, prevHash: prev, hash };
    prev = hash;
    return entry;
  });
}

describe('audit hash chain', () => {
  test('canonical JSON ignores key order', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
      const reversed = Object.fromEntries(Object.entries(obj).reverse());
      assert.equal(canonicalJson(obj), canonicalJson(reversed));
    }));
  });

  test('an intact chain verifies', () => {
    const result = verifyChain(chain([content(1), content(2), content(3)]));
    assert.equal(result.ok, true);
    assert.equal(result.checked, 3);
  });

  test('any changed field breaks the chain at that entry', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4 }), fc.constantFrom('action', 'objectId', 'at', 'after'), (index, field) => {
      const entries = chain([0, 1, 2, 3, 4].map((i) => content(i)));
      const victim = entries[index]!;
      (victim as unknown as Record<string, unknown>)[field] = field === 'after' ? { forged: true } : 'forged';
      const result = verifyChain(entries);
      assert.equal(result.ok, false);
      assert.deepEqual(result.problems[0], { seq: index + 1, problem: 'hash-mismatch' });
    }));
  });

  test('a removed entry is found', () => {
    const entries = chain([content(1), content(2), content(3)]);
    entries.splice(1, 1);
    assert.deepEqual(verifyChain(entries).problems, [{ seq: 3, problem: 'prev-hash-mismatch' }]);
  });
});
