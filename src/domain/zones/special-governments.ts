// Joint applicants that stand for other governments (issue 15, item 6): special local governments
// (특별지방자치단체, Local Autonomy Act Art. 199) and integrated special cities (통합특별시), named among the joint
// applicants of Decree Art. 40(2) as amended on 2026-06-30 (consolidated Decree text, 9bow/legalize-kr mirror).
// The list, with the source of each entry, is data/reference/special-governments.json. Codes are ZoneLink's own
// (they are not SGIS region codes); in the database each is a `region` row of its level with its members
// (migration 0078), so it takes part in plans and organisations like a region.
import list from '../../../data/reference/special-governments.json' with { type: 'json' };
import type { RegionName } from '../regions/types.ts';
import type { Applicant } from './eligibility.ts';

export interface StandingGovernment {
  readonly code: string;
  readonly level: 'special' | 'integrated';
  /** ko as established; en, ja, zh and fr are ZoneLink's translations. */
  readonly name: Required<RegionName>;
  /** The governments it stands for (2-digit metropolitan or 5-digit basic codes). */
  readonly members: readonly string[];
  /** Launched on (YYYY-MM-DD). */
  readonly since: string;
  /** The provisions it stands on. */
  readonly basis: string;
  readonly source: string;
}

export const STANDING_GOVERNMENTS: readonly StandingGovernment[] = list as StandingGovernment[];

const byCode = new Map(STANDING_GOVERNMENTS.map((g) => [g.code, g]));

/** The special local government or integrated special city with this ZoneLink code, or undefined. */
export function standingGovernmentByCode(code: string): StandingGovernment | undefined {
  return byCode.get(code);
}

/** A standing government as a joint applicant of a plan. */
export function asApplicant(g: StandingGovernment): Applicant {
  return { code: g.code, level: g.level, members: g.members };
}

/** A plan participant's code as an applicant: a standing government, a metropolitan (2 digits) or a basic one (5). */
export function applicantOf(code: string): Applicant {
  const g = byCode.get(code);
  if (g !== undefined) return asApplicant(g);
  return { code, level: code.length === 2 ? 'metropolitan' : 'basic' };
}
