// A structured diff of two JSON values: the changed paths (JSON Pointer, RFC 6901) with before and after.
export interface Change {
  path: string;
  op: 'add' | 'remove' | 'replace';
  before?: unknown;
  after?: unknown;
}

const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Arrays are compared position by position; objects key by key (keys sorted, so the result is stable). */
export function diffJson(before: unknown, after: unknown, path = ''): Change[] {
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: Change[] = [];
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) {
      if (i >= before.length) changes.push({ path: `${path}/${i}`, op: 'add', after: after[i] });
      else if (i >= after.length) changes.push({ path: `${path}/${i}`, op: 'remove', before: before[i] });
      else changes.push(...diffJson(before[i], after[i], `${path}/${i}`));
    }
    return changes;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    const changes: Change[] = [];
    for (const key of keys) {
      const p = `${path}/${escape(key)}`;
      if (!(key in before) || before[key] === undefined) changes.push({ path: p, op: 'add', after: after[key] });
      else if (!(key in after) || after[key] === undefined) changes.push({ path: p, op: 'remove', before: before[key] });
      else changes.push(...diffJson(before[key], after[key], p));
    }
    return changes;
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path, op: 'replace', before, after }];
}
