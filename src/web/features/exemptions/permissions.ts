// Which post-decision actions the page offers: the same policy the server applies (src/domain/auth/policy.ts:
// role AND scope) and the same lifecycle (src/domain/exemptions/lifecycle.ts). The server decides again.
import { decide, type Action } from '../../../domain/auth/policy.ts';
import type { Actor } from '../../../domain/auth/types.ts';
import { EXEMPTION_MACHINE, type ExemptionAction, type ExemptionState } from '../../../domain/exemptions/lifecycle.ts';
import { findTransition } from '../../../domain/zones/transition-table.ts';
import type { Me } from '../../shared/types.ts';
import type { Exemption } from './types.ts';

const actorOf = (user: Me): Actor => ({
  userId: user.id, organisationId: user.organisation.id, orgKind: user.organisation.kind, regionCode: user.organisation.regionCode, role: user.role, tokenScopes: null,
});

/** The policy lets this user do `action` on the exemption (its holders decide the scope). */
export const may = (user: Me, action: Action, e: Exemption): boolean => decide(actorOf(user), action, { kind: 'exemption', holders: e.holders }).allowed;

/** The lifecycle has a move `action` from the exemption's state. */
export const possible = (e: Exemption, action: ExemptionAction): boolean => findTransition(EXEMPTION_MACHINE, e.state as ExemptionState, action) !== undefined;

/** States in which the law-amendment track moves (as src/server/exemptions/amendment-routes.ts). */
const TRACKABLE = new Set(['active', 'extended', 'amendment_requested', 'expired', 'results_reported', 'temporary_permit']);

/** The forms this user may use on this exemption now. */
export function offers(user: Me, e: Exemption) {
  const v = e.validity;
  const life = e.lifecycle;
  const track = life.amendment;
  const trackable = TRACKABLE.has(e.state) && may(user, 'amendment:track', e);
  const ended = v.status === 'expired';
  return {
    extend: may(user, 'exemption:extend', e) && possible(e, 'extend') && v.until !== null && v.extensionsUsed < v.maxExtensions,
    requestAmendment: may(user, 'exemption:request-amendment', e) && possible(e, 'request_amendment') && v.until !== null && e.amendmentRequestedOn === null,
    recordAmended: may(user, 'exemption:record-amendment', e) && possible(e, 'record_law_amended') && e.lawAmendedOn === null,
    redeliberate: may(user, 'exemption:request-redeliberation', e) && possible(e, 'request_redeliberation') && life.redeliberation === null
      && (e.kind === 'demonstration_exemption' || e.kind === 'temporary_permit'),
    decideRedeliberation: may(user, 'exemption:decide-redeliberation', e) && e.state === 'redeliberation',
    hearing: may(user, 'exemption:cancel', e) && possible(e, 'cancel') && life.cancellation === null,
    cancel: may(user, 'exemption:cancel', e) && possible(e, 'cancel') && life.cancellation !== null && life.cancellation.decidedOn === null,
    expire: may(user, 'exemption:expire', e) && possible(e, 'expire') && ended,
    reportResults: may(user, 'exemption:report-results', e) && e.kind === 'demonstration_exemption' && life.resultsReport.submittedOn === null
      && (e.state === 'expired' || ((e.state === 'active' || e.state === 'extended') && ended)),
    review: trackable && (track?.review ?? null) === null && ((track?.requestedOn ?? null) !== null || life.resultsReport.submittedOn !== null),
    plan: trackable && track?.review?.needed === true && track.planSubmittedOn === null,
    progress: trackable && track !== null && track.planSubmittedOn !== null && track.effectiveOn === null,
    escalate: TRACKABLE.has(e.state) && may(user, 'amendment:escalate', e) && track !== null && track.escalationGround !== null && track.escalatedOn === null,
  };
}
export type Offers = ReturnType<typeof offers>;
