// bench/search: generated regulation texts in five languages on PostgreSQL; p50/p95 of a fixed query set
// through ZoneLink's token index (`search_tokens @> q`, GIN) against a brute-force scan of the same table in
// the same run, and recall of the index against that scan.
//   npm run bench -- search [--n=200000] [--smoke]      (BENCH_DATABASE_URL or TEST_DATABASE_URL, else localhost)
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { regulationFields, tokensOf } from '../src/domain/search/documents.ts';
import { queryTokens, terms } from '../src/domain/search/tokenize.ts';
import { metric, writeResult } from './lib/result.ts';

const smoke = process.argv.includes('--smoke');
const nArg = process.argv.find((a) => a.startsWith('--n='));
const N = nArg ? Number(nArg.slice(4)) : smoke ? 5_000 : 200_000;
const URL_ = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = 'bench_search';

// Vocabulary per language (domain words) and a deterministic generator.
const KO = ['드론', '수소', '의료', '선박', '충전', '배송', '자율주행', '셔틀', '실증', '특례', '규제', '안전', '기준', '운송', '도심', '원격', '진료', '연료', '항만', '배터리', '재활용', '암모니아', '전기차', '로봇', '유전체', '검사', '비행', '가스', '저장', '공유', '플랫폼', '데이터', '의약품', '식품', '세포', '배양', '건축', '소재', '무선', '발전'];
const EN = ['drone', 'hydrogen', 'medical', 'ship', 'charging', 'delivery', 'autonomous', 'shuttle', 'demonstration', 'exemption', 'safety', 'standard', 'transport', 'city', 'remote', 'care', 'fuel', 'port', 'battery', 'recycling', 'ammonia', 'vehicle', 'robot', 'genome', 'test', 'flight', 'gas', 'storage', 'platform', 'data'];
const FR = ['drone', 'hydrogène', 'médical', 'navire', 'recharge', 'livraison', 'autonome', 'navette', 'expérimentation', 'dérogation', 'sécurité', 'norme', 'transport', 'ville', 'télémédecine', 'carburant', 'port', 'batterie', 'recyclage', 'ammoniac', 'véhicule', 'robot', 'génome', 'essai', 'vol', 'gaz', 'stockage', 'données'];
const JA = ['ドローン', '水素', '医療', '船舶', '充電', '配送', '自動運転', 'シャトル', '実証', '特例', '規制', '安全', '基準', '輸送', '都市', '遠隔', '燃料', '港湾', '電池', 'リサイクル', 'アンモニア', '車両', 'ロボット', '飛行', 'ガス', '貯蔵'];
const ZH = ['无人机', '氢气', '医疗', '船舶', '充电', '配送', '自动驾驶', '接驳车', '示范', '特例', '规制', '安全', '标准', '运输', '城市', '远程', '燃料', '港口', '电池', '回收', '氨', '车辆', '机器人', '飞行', '气体', '储存'];

let seed = 20261125;
const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
// Zipf-like: low indexes are common.
const pick = (words: readonly string[]): string => words[Math.floor(words.length * rnd() ** 2)]!;
const sentence = (words: readonly string[], n: number, sep: string): string => Array.from({ length: n }, () => pick(words)).join(sep);

function generate(i: number) {
  const other = [EN, FR, JA, ZH][i % 4]!;
  const sep = other === JA || other === ZH ? '' : ' ';
  const title = { ko: sentence(KO, 3, ' '), [['en', 'fr', 'ja', 'zh'][i % 4]!]: sentence(other, 3, sep) } as { ko: string };
  const body = { ko: `${sentence(KO, 12, ' ')}.`, [['en', 'fr', 'ja', 'zh'][i % 4]!]: sentence(other, 12, sep) } as { ko: string };
  return { title, body, law: { ko: `생성 법률 ${i % 500}` }, article: String(1 + (i % 200)), ministry: ['MOLIT', 'MOTIE', 'MOHW', 'MOF'][i % 4]! };
}

const QUERIES = ['드론', '수소', '의료', '선박', '암모니아', '자율주행 셔틀', '원격 진료', '세포 배양', 'hydrogen', 'drone delivery', 'recycl', 'hydrogène', 'télémédecine', '水素', 'ドローン', '无人机', '远程医疗', '船舶 燃料'];

/**
 * Brute force: the same table scanned, each whitespace-separated query part matched as typed (substring for
 * CJK, case-insensitive word start for Latin; no accent folding, so the index may find more, never less).
 */
function bruteForce(query: string) {
  const parts = query.split(/\s+/).filter((p) => p !== '').map((p) =>
    terms(p)[0]?.kind === 'word'
      ? sql`(title::text || ' ' || body::text) ~* ${`(^|[^[:alnum:]])${p}`}`
      : sql`strpos(title::text || ' ' || body::text, ${p}) > 0`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

async function main(): Promise<void> {
  const db = await openDatabase({ url: URL_, schema: SCHEMA, poolSize: 2 });
  await sql.raw(`drop schema if exists ${SCHEMA} cascade; create schema ${SCHEMA}`).execute(db);
  await migrateToLatest(db, SCHEMA);
  await sql`drop index regulation_tokens_idx`.execute(db);
  let started = performance.now();
  const BATCH = 1000;
  for (let i = 0; i < N; i += BATCH) {
    const rows = [];
    for (let j = i; j < Math.min(N, i + BATCH); j++) {
      const g = generate(j);
      const tokens = tokensOf(regulationFields({ law: g.law, article: g.article, paragraph: null, ministry: g.ministry, ministryName: { ko: g.ministry }, title: g.title, body: g.body }));
      rows.push({
        id: randomUUID(), instrument: 'notice' as const, law: JSON.stringify(g.law), article: g.article, paragraph: null, ministry: g.ministry, ministry_name: JSON.stringify({ ko: g.ministry }),
        title: JSON.stringify(g.title), body: JSON.stringify(g.body), effective_from: '2024-01-01', amendments: '[]', demo: true, source: 'demo' as const, search_tokens: tokens,
      });
    }
    await db.insertInto('regulation').values(rows).execute();
  }
  const loadMs = performance.now() - started;
  started = performance.now();
  await sql`create index regulation_tokens_idx on regulation using gin (search_tokens)`.execute(db);
  await sql`analyze regulation`.execute(db);
  const indexMs = performance.now() - started;
  console.log(`${N} rows loaded in ${(loadMs / 1000).toFixed(1)} s, GIN index in ${(indexMs / 1000).toFixed(1)} s`);

  const timed = async (f: () => Promise<unknown>): Promise<number> => { const t0 = performance.now(); await f(); return performance.now() - t0; };
  const zl: number[] = [];
  const bf: number[] = [];
  let expected = 0;
  let found = 0;
  let returned = 0;
  const perQuery: Record<string, { index: number; brute: number; recall: number }> = {};
  const rounds = smoke ? 2 : 5;
  for (const q of QUERIES) {
    const tokens = queryTokens(q);
    // Result page: 50 ids in a stable order (what the API ranks and trims).
    const page = () => db.selectFrom('regulation').select('id').where((eb) => eb('search_tokens', '@>', eb.val(tokens))).orderBy('id').limit(50).execute();
    const brutePage = () => db.selectFrom('regulation').select('id').where(bruteForce(q)).orderBy('id').limit(50).execute();
    await page();
    for (let r = 0; r < rounds; r++) {
      zl.push(await timed(page));
      bf.push(await timed(brutePage));
    }
    const all = new Set((await db.selectFrom('regulation').select('id').where((eb) => eb('search_tokens', '@>', eb.val(tokens))).execute()).map((r) => r.id));
    const truth = (await db.selectFrom('regulation').select('id').where(bruteForce(q)).execute()).map((r) => r.id);
    const hit = truth.filter((id) => all.has(id)).length;
    expected += truth.length;
    found += hit;
    returned += all.size;
    perQuery[q] = { index: all.size, brute: truth.length, recall: truth.length === 0 ? 1 : hit / truth.length };
  }
  const pct = (xs: number[], p: number): number => { const s = [...xs].sort((a, b) => a - b); return Number(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(2)); };
  const recall = expected === 0 ? 1 : found / expected;
  console.table(perQuery);
  writeResult('search', [
    metric({ metric: 'p50_ms', value: pct(zl, 50), baseline: 'brute-force scan', baseline_value: pct(bf, 50), target: '<= 30', met: pct(zl, 50) <= 30 }),
    metric({ metric: 'p95_ms', value: pct(zl, 95), baseline: 'brute-force scan', baseline_value: pct(bf, 95), target: '<= 30', met: pct(zl, 95) <= 30 }),
    metric({ metric: 'recall', value: Number(recall.toFixed(4)), baseline: 'brute-force scan', baseline_value: 1, target: '= 1', met: recall === 1 }),
    metric({ metric: 'precision', value: Number((found / Math.max(1, returned)).toFixed(4)), baseline: 'brute-force scan', baseline_value: 1, target: 'informational', met: true }),
  ], { rows: N, queries: QUERIES.length, rounds, load_s: Number((loadMs / 1000).toFixed(1)), gin_index_s: Number((indexMs / 1000).toFixed(1)), per_query: perQuery, note: 'PostgreSQL; rows = generated ko + one of en/fr/ja/zh; target is 1M rows (issue 4)' });
  if (!smoke) await sql.raw(`drop schema if exists ${SCHEMA} cascade`).execute(db);
  await db.destroy();
}

await main();
