// Fills a migrated and seeded ZoneLink database to benchmark scale with SQL (`generate_series`), the same on PostgreSQL
// and PGlite: plans and exemptions copied from the seeded ones (new ids; one plan in 200 designated, the rest in the
// seeded plan's state), regulation texts from 1,000 generated
// five-language templates with their search tokens computed by the application's tokenizer, rapid-confirmation
// requests spread over 100 companies (one in ten the demo company's). The 250 regions are the reference data.
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import { regulationFields, tokensOf } from '../../src/domain/search/documents.ts';

export interface Scale {
  plans: number;
  exemptions: number;
  texts: number;
  rapidConfirmations: number;
}

/** The scale issue 12 names (rapid-confirmation requests are not named there: 5,000, 500 of them one company's). */
export const FULL_SCALE: Scale = { plans: 100_000, exemptions: 20_000, texts: 1_000_000, rapidConfirmations: 5_000 };

export function scaled(factor: number): Scale {
  const of = (n: number) => Math.max(1, Math.round(n * factor));
  return { plans: of(FULL_SCALE.plans), exemptions: of(FULL_SCALE.exemptions), texts: of(FULL_SCALE.texts), rapidConfirmations: Math.max(600, of(FULL_SCALE.rapidConfirmations)) };
}

// Vocabulary of the generated texts and of the benchmark's queries (as bench/search.ts).
export const VOCABULARY = {
  ko: ['드론', '수소', '의료', '선박', '충전', '배송', '자율주행', '셔틀', '실증', '특례', '규제', '안전', '기준', '운송', '도심', '원격', '진료', '연료', '항만', '배터리', '재활용', '암모니아', '전기차', '로봇', '유전체', '검사', '비행', '가스', '저장', '공유', '플랫폼', '데이터', '의약품', '식품', '세포', '배양', '건축', '소재', '무선', '발전'],
  en: ['drone', 'hydrogen', 'medical', 'ship', 'charging', 'delivery', 'autonomous', 'shuttle', 'demonstration', 'exemption', 'safety', 'standard', 'transport', 'city', 'remote', 'care', 'fuel', 'port', 'battery', 'recycling', 'ammonia', 'vehicle', 'robot', 'genome', 'test', 'flight', 'gas', 'storage', 'platform', 'data'],
  fr: ['drone', 'hydrogène', 'médical', 'navire', 'recharge', 'livraison', 'autonome', 'navette', 'expérimentation', 'dérogation', 'sécurité', 'norme', 'transport', 'ville', 'télémédecine', 'carburant', 'port', 'batterie', 'recyclage', 'ammoniac', 'véhicule', 'robot', 'génome', 'essai', 'vol', 'gaz', 'stockage', 'données'],
  ja: ['ドローン', '水素', '医療', '船舶', '充電', '配送', '自動運転', 'シャトル', '実証', '特例', '規制', '安全', '基準', '輸送', '都市', '遠隔', '燃料', '港湾', '電池', 'リサイクル', 'アンモニア', '車両', 'ロボット', '飛行', 'ガス', '貯蔵'],
  zh: ['无人机', '氢气', '医疗', '船舶', '充电', '配送', '自动驾驶', '接驳车', '示范', '特例', '规制', '安全', '标准', '运输', '城市', '远程', '燃料', '港口', '电池', '回收', '氨', '车辆', '机器人', '飞行', '气体', '储存'],
} as const;

function generator(seed: number) {
  let s = seed;
  const rnd = (): number => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (words: readonly string[]): string => words[Math.floor(words.length * rnd() ** 2)]!;
  return (words: readonly string[], n: number, sep: string): string => Array.from({ length: n }, () => pick(words)).join(sep);
}

/** `count` distinct search queries: every word of every language, then pairs of Korean and English words. */
export function searchQueries(count: number): string[] {
  const out = new Set<string>(Object.values(VOCABULARY).flat());
  const { ko, en } = VOCABULARY;
  for (let i = 0; out.size < count && i < ko.length * ko.length; i += 1) {
    const a = ko[i % ko.length]!;
    const b = ko[(i * 7 + 3) % ko.length]!;
    if (a !== b) out.add(`${a} ${b}`);
    const c = en[i % en.length]!;
    const d = en[(i * 11 + 5) % en.length]!;
    if (c !== d && out.size < count) out.add(`${c} ${d}`);
  }
  return [...out].slice(0, count);
}

const TEMPLATES = 1000;

async function columnsOf(db: Database, table: string): Promise<string[]> {
  const { rows } = await sql<{ column_name: string }>`select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} and is_identity = 'NO' and is_generated = 'NEVER'
      and coalesce(column_default, '') not like 'nextval%' order by ordinal_position`.execute(db);
  return rows.map((r) => r.column_name);
}

/** Inserts `count` copies of the rows of `table` matching `where`, cycling through them, with some columns replaced. */
async function replicate(db: Database, table: string, count: number, overrides: Record<string, string>, where = 'true'): Promise<void> {
  if (count <= 0) return;
  const columns = await columnsOf(db, table);
  const values = columns.map((c) => overrides[c] ?? `t.${c}`);
  await sql.raw(`insert into ${table} (${columns.join(', ')})
    select ${values.join(', ')}
    from (select *, row_number() over (order by id) as bench_rn, count(*) over () as bench_n from ${table} where ${where}) t
    join generate_series(1, ${count}) g on t.bench_rn = 1 + g % t.bench_n`).execute(db);
}

async function countOf(db: Database, table: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]!.n);
}

/** Fills to `scale`; returns the row counts reached and how long it took. */
export async function fillToScale(db: Database, scale: Scale, demoCompanyId: string): Promise<{ counts: Record<string, number>; seconds: number }> {
  const started = performance.now();
  await replicate(db, 'zone_plan', scale.plans - (await countOf(db, 'zone_plan')), {
    id: 'gen_random_uuid()', zone_id: 'null', demo: 'true', state: `case when g % 200 = 0 then 'designated' else t.state end`,
    created_at: `t.created_at - g * interval '1 minute'`, updated_at: `t.updated_at - g * interval '1 minute'`,
  });
  await replicate(db, 'exemption', scale.exemptions - (await countOf(db, 'exemption')), { id: 'gen_random_uuid()', demo: 'true' });

  // Regulation texts: 1,000 generated templates, then copies of them.
  const sentence = generator(20261208);
  const languages = ['en', 'fr', 'ja', 'zh'] as const;
  for (let i = 0; i < TEMPLATES; i += 250) {
    const rows = [];
    for (let j = i; j < i + 250; j += 1) {
      const other = languages[j % 4]!;
      const sep = other === 'ja' || other === 'zh' ? '' : ' ';
      const title = { ko: sentence(VOCABULARY.ko, 3, ' '), [other]: sentence(VOCABULARY[other], 3, sep) } as { ko: string };
      const body = { ko: `${sentence(VOCABULARY.ko, 12, ' ')}.`, [other]: sentence(VOCABULARY[other], 12, sep) } as { ko: string };
      const law = { ko: `생성 법률 ${j % 500}` };
      const ministry = ['MOLIT', 'MOTIE', 'MOHW', 'MOF'][j % 4]!;
      const tokens = tokensOf(regulationFields({ law, article: String(1 + (j % 200)), paragraph: null, ministry, ministryName: { ko: ministry }, title, body }));
      rows.push({
        id: crypto.randomUUID(), instrument: 'notice' as const, law: JSON.stringify(law), article: String(1 + (j % 200)), paragraph: null, ministry,
        ministry_name: JSON.stringify({ ko: ministry }), title: JSON.stringify(title), body: JSON.stringify(body), effective_from: `${2019 + (j % 7)}-01-01`,
        amendments: '[]', demo: true, source: 'platform' as const, search_tokens: tokens,
      });
    }
    await db.insertInto('regulation').values(rows).execute();
  }
  await sql`drop index if exists regulation_tokens_idx`.execute(db);
  await replicate(db, 'regulation', scale.texts - (await countOf(db, 'regulation')), { id: 'gen_random_uuid()' }, `source = 'platform'`);
  await sql`create index regulation_tokens_idx on regulation using gin (search_tokens)`.execute(db);

  // Rapid-confirmation requests: 99 more companies, requests over all zones, one in ten the demo company's.
  await sql.raw(`insert into organisation (id, kind, name, demo)
    select gen_random_uuid(), 'company', jsonb_build_object('ko', '벤치 기업 ' || g, 'en', 'Bench company ' || g), true from generate_series(1, 99) g`).execute(db);
  await sql.raw(`insert into rapid_confirmation (id, zone_id, company_id, activity, regulation_ids, state, filed_on)
    select gen_random_uuid(),
      (select array_agg(id order by id) from zone)[1 + g % (select count(*) from zone)::int],
      case when g % 10 = 0 then '${demoCompanyId.replace(/'/g, '')}'::uuid
        else (select array_agg(id order by id) from organisation where kind = 'company' and id <> '${demoCompanyId.replace(/'/g, '')}'::uuid)[1 + g % 99] end,
      jsonb_build_object('ko', '자율주행 셔틀 실증 ' || g, 'en', 'Autonomous shuttle trial ' || g),
      (select jsonb_agg(id) from (select id::text from regulation where source = 'reference' order by id limit 2) r),
      'filed', current_date - (g % 400)
    from generate_series(1, ${scale.rapidConfirmations}) g`).execute(db);
  for (const table of ['zone_plan', 'exemption', 'regulation', 'rapid_confirmation', 'organisation']) await sql.raw(`analyze ${table}`).execute(db);
  const counts: Record<string, number> = {};
  for (const table of ['zone_plan', 'exemption', 'regulation', 'rapid_confirmation', 'region']) counts[table] = await countOf(db, table);
  return { counts, seconds: Math.round((performance.now() - started) / 100) / 10 };
}
