// Pages of a list (keyset pagination): a request asks for `limit` rows after an opaque `cursor`; the answer holds the
// rows and the cursor of the next page (null on the last). A cursor names its list, the filters and the order it was
// made for, the key of the last row it showed and when it was made, signed with the server's key, so a forged,
// foreign (another list, other filters or order) or stale cursor is refused as a 400 naming `cursor` — never read.
// The rows come in a stable order on an indexed key that ends with a unique column, so walking the pages shows each
// row once even while rows are added.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { Type } from 'typebox';
import { AppError } from '../errors.ts';

/** How long a cursor may be used after it was made. */
export const CURSOR_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type KeyType = 'text' | 'int' | 'date' | 'timestamptz' | 'uuid';

/**
 * One order a list can be read in: the key (the last part unique, none null — write `coalesce(…)` for a nullable
 * column: each part is an SQL expression written in code, never taken from a request) and the direction of all parts.
 */
export interface ListOrder {
  readonly columns: readonly { readonly sql: string; readonly type: KeyType }[];
  readonly direction: 'asc' | 'desc';
}

export interface ListSpec<S extends string> {
  /** Names the list in its cursors (a cursor of another list is refused). */
  readonly list: string;
  readonly orders: Readonly<Record<S, ListOrder>>;
  readonly defaultSort: S;
  readonly defaultLimit: number;
  readonly maxLimit: number;
}

/** The querystring members of a paged list (merged into the route's own filters). */
export function pageQuery<S extends string>(spec: ListSpec<S>) {
  const sorts = Object.keys(spec.orders) as S[];
  return {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: spec.maxLimit, default: spec.defaultLimit, description: `Rows per page (at most ${spec.maxLimit})` })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 1024, pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$', description: 'The `next` of the previous page' })),
    // Always declared, so an unknown order is refused with the allowed ones listed (a 400 naming `sort`).
    sort: Type.Optional(Type.Enum(sorts, { description: `Order of the rows: ${sorts.join(', ')} (default ${spec.defaultSort})` })),
  };
}

/** The page schema of a response: the rows and the cursor of the next page. */
export const nextSchema = Type.Union([Type.String(), Type.Null()], { description: 'Cursor of the next page; null on the last page' });

export type KeyValue = string | number;

/** A decoded page request. */
export interface PageRequest {
  readonly limit: number;
  readonly order: ListOrder;
  /** Where the rows after the cursor's row are, in the order of the page (a SQL row comparison); null on the first page. */
  readonly where: Expression<SqlBool> | null;
  /** Makes the cursor of the page that follows a row with this key. */
  nextCursor(key: readonly KeyValue[]): string;
}

interface CursorBody { l: string; s: string; f: string; k: KeyValue[]; t: number }

function badCursor(reason: 'Forged' | 'Foreign' | 'Stale'): AppError {
  return new AppError('validation', { fields: [{ path: '/querystring/cursor', keyword: `cursor${reason}` }] });
}

/** A canonical digest of the filters a list was asked with (the order of members does not matter). */
export function filtersDigest(filters: Record<string, unknown>): string {
  const entries = Object.entries(filters).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}

function sign(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url').slice(0, 22);
}

function valueMatches(type: KeyType, value: unknown): value is KeyValue {
  switch (type) {
    case 'int': return typeof value === 'number' && Number.isSafeInteger(value);
    case 'text': return typeof value === 'string' && value.length <= 400;
    case 'date': return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    case 'timestamptz': return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/.test(value);
    case 'uuid': return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
  }
}

function rowComparison(order: ListOrder, values: readonly KeyValue[]): Expression<SqlBool> {
  const columns = sql.join(order.columns.map((c) => sql.raw(c.sql)));
  const params = sql.join(order.columns.map((c, i) => sql`cast(${values[i]} as ${sql.raw(c.type)})`));
  return sql<SqlBool>`(${columns}) ${sql.raw(order.direction === 'desc' ? '<' : '>')} (${params})`;
}

/** Reads the page asked for: limit, order and (after checking its signature, list, filters, order and age) the cursor. */
export function readPage<S extends string>(
  spec: ListSpec<S>,
  query: { limit?: number; cursor?: string; sort?: S },
  filters: Record<string, unknown>,
  key: Buffer,
  now = Date.now(),
): PageRequest {
  const sort = query.sort ?? spec.defaultSort;
  const order = spec.orders[sort];
  const limit = Math.min(query.limit ?? spec.defaultLimit, spec.maxLimit);
  const digest = filtersDigest(filters);
  let after: KeyValue[] | null = null;
  if (query.cursor !== undefined) {
    const [payload = '', signature = ''] = query.cursor.split('.');
    const expected = sign(key, payload);
    if (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) throw badCursor('Forged');
    let body: CursorBody;
    try {
      body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CursorBody;
    } catch {
      throw badCursor('Forged');
    }
    if (body.l !== spec.list || body.s !== sort || body.f !== digest) throw badCursor('Foreign');
    if (typeof body.t !== 'number' || now - body.t > CURSOR_LIFETIME_MS || body.t - now > 60_000) throw badCursor('Stale');
    if (!Array.isArray(body.k) || body.k.length !== order.columns.length || !order.columns.every((c, i) => valueMatches(c.type, body.k[i]))) {
      throw badCursor('Foreign');
    }
    after = body.k;
  }
  return {
    limit, order,
    where: after ? rowComparison(order, after) : null,
    nextCursor(values) {
      const payload = Buffer.from(JSON.stringify({ l: spec.list, s: sort, f: digest, k: [...values], t: now } satisfies CursorBody)).toString('base64url');
      return `${payload}.${sign(key, payload)}`;
    },
  };
}

const keyAlias = (i: number): string => `page_key_${i}`;

/**
 * The query in the page's order, after the cursor's row, one row more than the limit (to know whether another page
 * follows). The key of each row is selected as PostgreSQL writes it (text), so a cursor keeps it exactly — a
 * timestamp's microseconds included.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database and tables: only the key expressions are added
export function inPageOrder<Q extends SelectQueryBuilder<any, any, any>>(query: Q, page: PageRequest): Q {
  let paged = query.select(page.order.columns.map((c, i) => sql<string>`(${sql.raw(c.sql)})::text`.as(keyAlias(i)))) as Q;
  for (const column of page.order.columns) paged = paged.orderBy(sql.raw(column.sql), page.order.direction) as Q;
  if (page.where) paged = paged.where(page.where) as Q;
  return paged.limit(page.limit + 1) as Q;
}

/** The rows of the page (read with {@link inPageOrder}) and the cursor of the next page, or null on the last. */
export function pageOf<R extends object>(page: PageRequest, rows: readonly R[]): { rows: R[]; next: string | null } {
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1) as Record<string, unknown> | undefined;
  if (rows.length <= page.limit || last === undefined) return { rows: shown, next: null };
  const key = page.order.columns.map((c, i) => {
    const text = String(last[keyAlias(i)]);
    return c.type === 'int' ? Number(text) : text;
  });
  return { rows: shown, next: page.nextCursor(key) };
}
