// Joint applicants that stand for other governments (issue 15, item 6): special local governments
// (특별지방자치단체, Local Autonomy Act Art. 199) and integrated special cities (통합특별시), named among the joint
// applicants of Decree Art. 40(2) as amended on 2026-06-30 (consolidated Decree text, 9bow/legalize-kr mirror).
// Codes here are ZoneLink's own (they are not SGIS region codes).
import type { Applicant } from './eligibility.ts';

export interface StandingGovernment {
  readonly code: string;
  readonly level: 'special' | 'integrated';
  readonly name: { readonly ko: string; readonly en: string };
  /** The governments it stands for (2-digit metropolitan or 5-digit basic codes). */
  readonly members: readonly string[];
  /** Launched on (YYYY-MM-DD). */
  readonly since: string;
  readonly source: string;
}

export const STANDING_GOVERNMENTS: readonly StandingGovernment[] = [
  {
    code: 'CHUNGCHEONG-UNION',
    level: 'special',
    name: { ko: '충청광역연합', en: 'Chungcheong Regional Union' },
    members: ['25', '29', '33', '34'],
    since: '2024-12-18',
    source: 'news1 https://www.news1.kr/amp/local/moi/5634120 (launch 2024-12-18: Daejeon, Sejong, Chungbuk, Chungnam)',
  },
];

/** A standing government as a joint applicant of a plan. */
export function asApplicant(g: StandingGovernment): Applicant {
  return { code: g.code, level: g.level, members: g.members };
}
