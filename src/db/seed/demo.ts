// Demo organisations, users and region profiles — clearly marked demo (demo = true, "(데모)" in names).
// Every demo user's password is DEMO_PASSWORD. Idempotent: does nothing when the demo ministry user exists.
import { createHash } from 'node:crypto';
import type { Database } from '../database.ts';
import type { MemberRole, OrgKind } from '../../domain/auth/types.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import { hashPassword } from '../../server/auth/secrets.ts';
import { appendAudit } from '../../server/audit/append.ts';

export const DEMO_PASSWORD = 'zonelink-demo';

/** A stable UUID for a demo object, so seeds and tests can refer to it. */
export function demoId(name: string): string {
  const h = createHash('sha256').update(`zonelink-demo:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface DemoOrg { key: string; kind: OrgKind; name: I18nText; regionCode: string | null; ministryCode?: string }
interface DemoUser { email: string; displayName: string; org: string; role: MemberRole }

export const DEMO_ORGS: DemoOrg[] = [
  { key: 'mss', kind: 'ministry', regionCode: null, name: { ko: '중소벤처기업부 (데모)', en: 'Ministry of SMEs and Startups (demo)', ja: '中小ベンチャー企業部（デモ）', zh: '中小风险企业部（演示）', fr: 'Ministère des PME et des start-up (démo)' } },
  { key: 'busan', kind: 'local_government', regionCode: '21', name: { ko: '부산광역시 (데모)', en: 'Busan Metropolitan City (demo)', ja: '釜山広域市（デモ）', zh: '釜山广域市（演示）', fr: 'Ville métropolitaine de Busan (démo)' } },
  { key: 'ulsan', kind: 'local_government', regionCode: '26', name: { ko: '울산광역시 (데모)', en: 'Ulsan Metropolitan City (demo)', ja: '蔚山広域市（デモ）', zh: '蔚山广域市（演示）', fr: 'Ville métropolitaine d’Ulsan (démo)' } },
  { key: 'company', kind: 'company', regionCode: null, name: { ko: '한빛수소모빌리티 (데모 기업)', en: 'Hanbit Hydrogen Mobility (demo company)', ja: 'ハンビット水素モビリティ（デモ企業）', zh: '韩光氢能出行（演示企业）', fr: 'Hanbit Hydrogen Mobility (entreprise de démo)' } },
  { key: 'expert', kind: 'expert', regionCode: null, name: { ko: '특구 전문가 풀 (데모)', en: 'Zone expert pool (demo)', ja: '特区専門家プール（デモ）', zh: '特区专家库（演示）', fr: 'Vivier d’experts des zones (démo)' } },
  { key: 'motie', kind: 'responsible_ministry', regionCode: null, ministryCode: 'MOTIE', name: { ko: '산업통상자원부 (데모)', en: 'Ministry of Trade, Industry and Energy (demo)', ja: '産業通商資源部（デモ）', zh: '产业通商资源部（演示）', fr: 'Ministère du Commerce, de l’Industrie et de l’Énergie (démo)' } },
];

export const DEMO_USERS: DemoUser[] = [
  { email: 'ministry@demo.zonelink.kr', displayName: '김특구 (데모)', org: 'mss', role: 'admin' },
  { email: 'busan@demo.zonelink.kr', displayName: '박부산 (데모)', org: 'busan', role: 'admin' },
  { email: 'ulsan@demo.zonelink.kr', displayName: '이울산 (데모)', org: 'ulsan', role: 'admin' },
  { email: 'company@demo.zonelink.kr', displayName: '최한빛 (데모)', org: 'company', role: 'admin' },
  { email: 'expert@demo.zonelink.kr', displayName: '정심사 (데모)', org: 'expert', role: 'member' },
  { email: 'motie@demo.zonelink.kr', displayName: '한소관 (데모)', org: 'motie', role: 'member' },
];

const DEMO_PROFILES: { regionCode: string; teamName: I18nText; contactEmail: string; phone: string; introduction: I18nText }[] = [
  {
    regionCode: '21',
    teamName: { ko: '부산 규제자유특구 지역추진단 (데모)', en: 'Busan regional promotion team (demo)' },
    contactEmail: 'rfz-team@busan.demo.zonelink.kr',
    phone: '051-000-0000',
    introduction: { ko: '해양 모빌리티와 블록체인 특구를 운영하는 지역추진단입니다. (데모 데이터)', en: 'The promotion team running the marine mobility and blockchain zones. (demo data)' },
  },
  {
    regionCode: '26',
    teamName: { ko: '울산 규제자유특구 지역추진단 (데모)', en: 'Ulsan regional promotion team (demo)' },
    contactEmail: 'rfz-team@ulsan.demo.zonelink.kr',
    phone: '052-000-0000',
    introduction: { ko: '수소 그린모빌리티와 암모니아 벙커링 실증을 지원합니다. (데모 데이터)', en: 'Supports hydrogen green-mobility and ammonia-bunkering demonstrations. (demo data)' },
  },
];

export async function seedDemo(db: Database): Promise<{ created: boolean }> {
  const exists = await db.selectFrom('app_user').select('id').where('email', '=', DEMO_USERS[0]!.email).executeTakeFirst();
  if (exists) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('organisation').values(DEMO_ORGS.map((o) => ({
      id: demoId(`org:${o.key}`), kind: o.kind, name: JSON.stringify(o.name), region_code: o.regionCode, ministry_code: o.ministryCode ?? null, demo: true,
    }))).execute();
    await trx.insertInto('app_user').values(DEMO_USERS.map((u) => ({
      id: demoId(`user:${u.email}`), email: u.email, display_name: u.displayName, password_hash: passwordHash,
      organisation_id: demoId(`org:${u.org}`), role: u.role, locale: 'ko' as const, demo: true,
    }))).execute();
    await trx.insertInto('region_profile').values(DEMO_PROFILES.map((p) => ({
      region_code: p.regionCode, team_name: JSON.stringify(p.teamName), contact_email: p.contactEmail, phone: p.phone,
      introduction: JSON.stringify(p.introduction), demo: true, version: 1, updated_at: new Date(), updated_by: null,
    }))).execute();
    await appendAudit(trx, {
      requestId: null, actorUserId: null, actorOrganisationId: null, action: 'seed:demo', objectType: 'system', objectId: 'demo',
      before: null, after: { organisations: DEMO_ORGS.length, users: DEMO_USERS.map((u) => u.email), profiles: DEMO_PROFILES.map((p) => p.regionCode) },
    });
  });
  return { created: true };
}
