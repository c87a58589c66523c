// Shapes of the review API (src/server/plans/review-schemas.ts).
import type { I18nText } from '../../shared/types.ts';
import type { Clock } from './types.ts';

export type Criterion = 'regional-fit' | 'innovativeness' | 'exemption-business-link' | 'funding' | 'safety-environment' | 'privacy' | 'economic-effect' | 'past-evaluation';
export type Tie = { kind: 'government'; regionCode: string; note?: string } | { kind: 'company'; name: string; businessNumber: string | null; note?: string };
export type Position = 'agree' | 'agree_with_conditions' | 'disagree';
export type Declaration = 'no_conflict' | 'conflict' | null;
export interface CriterionInfo { key: Criterion; rule: string; max: number }

export interface ReviewView {
  planId: string;
  state: string;
  criteria: CriterionInfo[];
  experts: {
    userId: string; name: string; assignedOn: string; declaration: Declaration; declaredAt: string | null; declarationNote: I18nText | null;
    scores: Record<Criterion, number> | null; total: number | null; comment: I18nText | null; scoredAt: string | null;
  }[];
  summary: { sheets: number; maxTotal: number; averageTotal: number | null; averages: Record<Criterion, number | null> };
  consultations: {
    organisationId: string; organisation: I18nText; requestedOn: string; clock: Clock;
    repliedOn: string | null; position: Position | null; opinion: I18nText | null; conditions: I18nText | null;
  }[];
  ministries: { organisationId: string; name: I18nText }[];
  can: { assign: boolean; consult: boolean; declare: boolean; score: boolean; opine: boolean };
}

export interface ExpertSummary { userId: string; name: string; organisation: I18nText; ties: Tie[] }

export interface ExpertWorkspace {
  ties: Tie[];
  criteria: CriterionInfo[];
  assignments: {
    planId: string; title: I18nText; state: string; model: string; leadRegion: string; participants: string[]; demo: boolean;
    assignedOn: string; declaration: Declaration; scores: Record<Criterion, number> | null; scoredAt: string | null;
  }[];
}
