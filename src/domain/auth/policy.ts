// The one place that decides whether an actor may do an action on an object: role AND scope.
// Every route calls `decide` (through the server's `authorize`); the authorisation-matrix test
// checks every route against an independent table of expectations.
import type { Actor, TokenScope } from './types.ts';
import { governs } from '../regions/provinces.ts';

/** Objects an action can be aimed at, with what scope decisions need to know about them. */
export type Target =
  | { kind: 'none' }
  | { kind: 'region'; code: string }
  | { kind: 'user'; userId: string; organisationId: string }
  | { kind: 'organisation'; organisationId: string }
  /** A zone plan: its lead government, every participating government (lead and partners), whether it was ever
   *  submitted, and — for section-scoped actions — the government whose section is concerned. */
  | {
    kind: 'plan'; lead: string; participants: readonly string[]; submitted: boolean; section?: string;
    /** Users of the experts assigned to review the plan, and the responsible ministries (organisations) consulted on it. */
    experts?: readonly string[]; consulted?: readonly string[];
  }
  /** An exemption: the organisations holding it (its demonstration operators). */
  | { kind: 'exemption'; holders: readonly string[] }
  /** A demonstration project: its lead company, every company in it (lead and partners), and the regions
   *  concerned (the zone's regions and the sites' municipalities). For the evidence pack: the responsible
   *  ministries (organisations) whose regulations the project's exemptions suspend; for an attachment's
   *  removal: the organisation that attached it. */
  | {
    kind: 'project'; lead: string; companies: readonly string[]; regions: readonly string[];
    ministries?: readonly string[]; attachedBy?: string | null;
  }
  /** A designated zone: the regions of its local governments. */
  | { kind: 'zone'; regions: readonly string[] }
  /** A rapid-confirmation request: the company that filed it, its zone's regions, the ministries it is addressed to. */
  | { kind: 'rapid-confirmation'; company: string; regions: readonly string[]; ministries: readonly string[] };

export const ACTIONS = {
  'session:read': 'read',
  'me:read': 'read',
  'me:edit': 'write',
  'api-token:read': 'read',
  'api-token:create': 'write',
  'api-token:revoke': 'write',
  'region-profile:edit': 'write',
  'region-inventory:edit': 'write',
  'planner:run': 'read',
  'planning-request:read': 'read',
  'planning-request:create': 'write',
  'audit:read': 'read',
  'plan:list': 'read',
  'plan:read': 'read',
  'plan:create': 'write',
  'plan:lead': 'write',
  'plan:edit-section': 'write',
  'plan:sign-off': 'write',
  'plan:remove-participant': 'write',
  'plan:review': 'write',
  'plan:decide': 'write',
  'plan:review-read': 'read',
  'plan:expert': 'write',
  'plan:opinion': 'write',
  'expert:list': 'read',
  'expert:self': 'read',
  'expert:declare-ties': 'write',
  'regulation:create': 'write',
  'exemption:create': 'write',
  'exemption:drafts': 'read',
  'exemption:extend': 'write',
  'exemption:request-amendment': 'write',
  'exemption:record-amendment': 'write',
  'exemption:request-redeliberation': 'write',
  'exemption:decide-redeliberation': 'write',
  'exemption:cancel': 'write',
  'exemption:expire': 'write',
  'exemption:report-results': 'write',
  'amendment:track': 'write',
  'amendment:escalate': 'write',
  'exemption-deadlines:read': 'read',
  'holiday:manage': 'write',
  'organisation:manage': 'write',
  'project:list': 'read',
  'project:read': 'read',
  'project:create': 'write',
  'project:edit': 'write',
  'project:upload': 'write',
  'project:report': 'write',
  'project:remove-attachment': 'write',
  'project:evidence': 'read',
  'evidence-pack:list': 'read',
  'project:review': 'write',
  'project:suspend': 'write',
  'project:lift-suspension': 'write',
  'zone:request-change': 'write',
  'zone:review': 'write',
  'zone:decide': 'write',
  'zone:data-requests': 'read',
  'zone:answer-data-request': 'write',
  'rapid-confirmation:list': 'read',
  'rapid-confirmation:read': 'read',
  'rapid-confirmation:file': 'write',
  'rapid-confirmation:forward': 'write',
  'rapid-confirmation:reply': 'write',
  'rapid-confirmation:supplement': 'write',
  'rapid-confirmation:decide': 'write',
} as const satisfies Record<string, TokenScope>;
export type Action = keyof typeof ACTIONS;

export type Decision =
  | { allowed: true }
  | { allowed: false; reason: 'unauthenticated' | 'forbidden' | 'token-scope' | 'session-required' };

const ALLOW: Decision = { allowed: true };
const FORBID: Decision = { allowed: false, reason: 'forbidden' };

function isMinistryAdmin(actor: Actor): boolean {
  return actor.orgKind === 'ministry' && actor.role === 'admin';
}

function rule(actor: Actor, action: Action, target: Target): boolean {
  switch (action) {
    case 'session:read':
    case 'me:read':
    case 'me:edit':
    case 'api-token:read':
    case 'api-token:create':
    case 'api-token:revoke':
      // Only about oneself; the target, when given, must be the actor.
      return target.kind === 'none' || (target.kind === 'user' && target.userId === actor.userId);
    case 'region-profile:edit':
      // A local government edits only its own region's promotion team (Act Art. 141-6);
      // the ministry's administrators may correct any region.
      if (target.kind !== 'region') return false;
      return isMinistryAdmin(actor) || (actor.orgKind === 'local_government' && actor.regionCode === target.code);
    case 'region-inventory:edit':
      // The capability inventory: a local government keeps its own region's, and a province (시·도)
      // also compiles its municipalities' (those that belong to it today, `provinces.ts`; not by code prefix).
      if (target.kind !== 'region') return false;
      if (isMinistryAdmin(actor)) return true;
      if (actor.orgKind !== 'local_government' || actor.regionCode === null) return false;
      return governs(actor.regionCode, target.code);
    case 'planner:run':
      // Finding partners is computation over public inventory: any signed-in user.
      return true;
    case 'planning-request:create':
      // Only governments propose connected zones (Act Art. 72(1)); the ministry may prepare calls.
      return actor.orgKind === 'local_government' || actor.orgKind === 'ministry';
    case 'planning-request:read':
      return target.kind === 'organisation' && (actor.orgKind === 'ministry' || actor.organisationId === target.organisationId);
    case 'audit:read':
      return actor.orgKind === 'ministry';
    case 'plan:list':
      // Any signed-in user may ask; the list holds only the plans `plan:read` allows.
      return true;
    case 'plan:read':
      if (target.kind !== 'plan') return false;
      // MSS is consulted while the plan is drafted (Decree Art. 42(1)) and receives it (Art. 72(1)).
      if (actor.orgKind === 'ministry') return true;
      // Responsible ministries review a submitted plan and reply in writing (Art. 75(2)).
      if (actor.orgKind === 'responsible_ministry') return target.submitted;
      // An expert reads the plans MSS assigned to it (Decree Art. 45, 50).
      if (actor.orgKind === 'expert') return (target.experts ?? []).includes(actor.userId);
      if (actor.orgKind !== 'local_government' || actor.regionCode === null) return false;
      // Participating governments (Decree Art. 40(2)); a province sees its basic governments' plans,
      // since it must be told of their application and may comment (Art. 72(2)–(3)).
      return target.participants.some((p) => governs(actor.regionCode!, p));
    case 'plan:create':
      // The head of a local government applies for its own area (Art. 72(1)): it creates plans it leads.
      return target.kind === 'region' && actor.orgKind === 'local_government' && actor.regionCode === target.code;
    case 'plan:lead':
      // The lead government consolidates a joint plan, invites partners, records the consultation and
      // submits (Decree Art. 40(2); Art. 74(2)).
      return target.kind === 'plan' && actor.orgKind === 'local_government' && actor.regionCode === target.lead;
    case 'plan:edit-section':
      // Each participating government alone writes its own section (sites, projects, budget).
      return target.kind === 'plan' && actor.orgKind === 'local_government' && target.section !== undefined
        && actor.regionCode === target.section && target.participants.includes(target.section);
    case 'plan:sign-off':
      // Every participating government signs off the joint plan itself (Decree Art. 40(2)).
      return target.kind === 'plan' && actor.orgKind === 'local_government' && actor.regionCode !== null
        && target.participants.includes(actor.regionCode);
    case 'plan:remove-participant':
      // A partner leaves, or the lead drops a partner; the lead itself cannot be removed.
      return target.kind === 'plan' && actor.orgKind === 'local_government' && target.section !== undefined
        && target.section !== target.lead && target.participants.includes(target.section)
        && (actor.regionCode === target.lead || actor.regionCode === target.section);
    case 'plan:review':
      // MSS receives, reviews, asks for supplements and refers to the committee (Art. 72(4), 75).
      return actor.orgKind === 'ministry';
    case 'plan:decide':
      // Committee decisions are recorded by an MSS administrator (the Minister is the committee's
      // secretary, Art. 77; designation by the Minister, Art. 75(3)).
      return isMinistryAdmin(actor);
    case 'plan:review-read':
      // The review record (experts, scores, ministries' opinions): MSS; an assigned expert and a consulted
      // ministry see their own part of it.
      if (target.kind !== 'plan') return false;
      if (actor.orgKind === 'ministry') return true;
      if (actor.orgKind === 'expert') return (target.experts ?? []).includes(actor.userId);
      if (actor.orgKind === 'responsible_ministry') return (target.consulted ?? []).includes(actor.organisationId);
      return false;
    case 'plan:expert':
      // An assigned expert declares conflicts of interest and scores the plan (Decree Art. 45, 50).
      return target.kind === 'plan' && actor.orgKind === 'expert' && (target.experts ?? []).includes(actor.userId);
    case 'plan:opinion':
      // A responsible ministry MSS consulted gives its own written opinion (Art. 75(2)).
      return target.kind === 'plan' && actor.orgKind === 'responsible_ministry' && (target.consulted ?? []).includes(actor.organisationId);
    case 'expert:list':
      // MSS chooses the experts it assigns.
      return actor.orgKind === 'ministry';
    case 'expert:self':
    case 'expert:declare-ties':
      // An expert keeps its own declaration of ties and sees its assignments.
      return actor.orgKind === 'expert';
    case 'regulation:create':
      // MSS keeps the catalogue of the regulations exemptions suspend.
      return actor.orgKind === 'ministry';
    case 'exemption:drafts':
      // A designated zone's exemption drafts (its plan's special cases awaiting MSS): MSS and the zone's governments.
      return actor.orgKind === 'ministry' || governsZone(actor, target);
    case 'exemption:create':
    case 'exemption:extend':
      // Grants and extensions are committee decisions recorded by an MSS administrator (Art. 86(4), 86(10)).
      return isMinistryAdmin(actor);
    case 'exemption:request-amendment':
      // The demonstration operator requests the amendment (Art. 87(9)); MSS records one filed through the local head.
      if (target.kind !== 'exemption') return false;
      return actor.orgKind === 'ministry' || (actor.orgKind === 'company' && target.holders.includes(actor.organisationId));
    case 'exemption:record-amendment':
      // The responsible ministry amends its law (Art. 87(4), 87(6)); MSS notifies the operator (Decree Art. 59(9)).
      return actor.orgKind === 'responsible_ministry' || isMinistryAdmin(actor);
    case 'exemption:request-redeliberation':
    case 'exemption:report-results':
      // The applicant requests re-deliberation (Art. 86(8)) and the operator reports results (Art. 87(11)), through
      // the local head; MSS records one filed on paper.
      if (target.kind !== 'exemption') return false;
      return actor.orgKind === 'ministry' || (actor.orgKind === 'company' && target.holders.includes(actor.organisationId));
    case 'exemption:decide-redeliberation':
    case 'exemption:cancel':
    case 'amendment:escalate':
      // Committee decisions (re-deliberation, cancellation after a hearing, the recommendation of Art. 87(13)),
      // recorded by an MSS administrator (Art. 89, 141; the Minister is the committee's secretary, Art. 77).
      return isMinistryAdmin(actor);
    case 'exemption:expire':
      // MSS manages the exemptions it granted (Art. 86(10)).
      return actor.orgKind === 'ministry';
    case 'amendment:track':
      // The responsible ministry reviews, plans and amends its law (Art. 87(4), 87(6)); an MSS administrator may record it.
      return actor.orgKind === 'responsible_ministry' || isMinistryAdmin(actor);
    case 'exemption-deadlines:read':
      // The ministries see every deadline, a local government its zones', a company its own; the list is scoped by the route.
      return actor.orgKind !== 'expert';
    case 'holiday:manage':
      // One-off holidays the government designates (Regulations on Holidays of Government Offices Art. 2 item 12).
      return isMinistryAdmin(actor);
    case 'organisation:manage':
      // Which ministry a responsible-ministry organisation is (its evidence-pack access follows): MSS administrators.
      return isMinistryAdmin(actor);
    case 'project:list':
      // Any signed-in user may ask; the list holds only the projects `project:read` allows.
      return true;
    case 'project:read':
      // The companies in the project, MSS, and the zone's (and the sites') local governments, which
      // supervise demonstrations jointly (Act Art. 87; Decree Art. 59); a province sees its municipalities'.
      if (target.kind !== 'project') return false;
      if (actor.orgKind === 'ministry') return true;
      if (actor.orgKind === 'company') return target.companies.includes(actor.organisationId);
      if (actor.orgKind !== 'local_government' || actor.regionCode === null) return false;
      return target.regions.some((r) => governs(actor.regionCode!, r));
    case 'project:create':
      // A company (특구사업자) creates the projects it leads.
      return actor.orgKind === 'company';
    case 'project:edit':
      // The lead company keeps the project's record.
      return target.kind === 'project' && actor.orgKind === 'company' && actor.organisationId === target.lead;
    case 'project:upload':
      // Every company in the project uploads its demonstration data.
      return target.kind === 'project' && actor.orgKind === 'company' && target.companies.includes(actor.organisationId);
    case 'project:report':
      // Every company in the project files periodic reports and reports incidents.
      return target.kind === 'project' && actor.orgKind === 'company' && target.companies.includes(actor.organisationId);
    case 'project:remove-attachment':
      // A company withdraws a file from its project's report: the company that attached it, or the lead company
      // that keeps the project's record (whether the report's state allows it is a rule of its own, 409).
      return target.kind === 'project' && actor.orgKind === 'company' && target.companies.includes(actor.organisationId)
        && (actor.organisationId === target.attachedBy || actor.organisationId === target.lead);
    case 'project:evidence':
      // The evidence pack of a law-amendment request (Act Art. 87(9), 87(11)): whoever reads the project, and the
      // responsible ministry whose regulation an exemption of the project suspends — it reviews whether to amend
      // its law on that evidence (Art. 87(4), 87(6)). Other ministries are refused like any other outsider.
      if (target.kind !== 'project') return false;
      if (actor.orgKind === 'responsible_ministry') return (target.ministries ?? []).includes(actor.organisationId);
      return rule(actor, 'project:read', target);
    case 'evidence-pack:list':
      // Any signed-in user may ask; the list holds only the packs `project:evidence` allows.
      return true;
    case 'project:suspend':
      // After a serious incident the supervisors suspend an exemption for the project at once: MSS and the
      // project's local governments, which supervise demonstrations jointly (Act Art. 87, 89; Decree Art. 59, 63).
      return rule(actor, 'project:review', target);
    case 'project:lift-suspension':
      // Only the ministry lifts it (issue 5: "reversible by the ministry"; MSS is the competent ministry, Act Art. 89).
      return target.kind === 'project' && actor.orgKind === 'ministry';
    case 'project:review':
      // The supervisors review reports: MSS and the project's local governments (Act Art. 87; Decree Art. 59).
      if (target.kind !== 'project') return false;
      if (actor.orgKind === 'ministry') return true;
      if (actor.orgKind !== 'local_government' || actor.regionCode === null) return false;
      return target.regions.some((r) => governs(actor.regionCode!, r));
    case 'zone:request-change':
      // The zone's local governments apply for changes and cancellation (RFZ Act Art. 81(1), 82(1)).
      return governsZone(actor, target);
    case 'zone:review':
      // MSS receives changes, evaluates zones, holds hearings and demands post-management data (Art. 81–84, 141).
      return actor.orgKind === 'ministry';
    case 'zone:decide':
      // Committee decisions (changes, extension, cancellation) are recorded by an MSS administrator (Art. 75(3), 78, 82).
      return isMinistryAdmin(actor);
    case 'zone:data-requests':
      // Any signed-in user may ask; the list holds MSS's all, others only those addressed to their organisation.
      return true;
    case 'zone:answer-data-request':
      // The addressed agency answers (Art. 84(2): "관계기관의 장").
      return target.kind === 'organisation' && actor.organisationId === target.organisationId;
    case 'rapid-confirmation:list':
      // Any signed-in user may ask; the list holds only the requests `rapid-confirmation:read` allows.
      return true;
    case 'rapid-confirmation:read':
      // MSS sees all; the company its own; the zone's local governments; the ministries it is addressed to (Art. 85).
      if (target.kind !== 'rapid-confirmation') return false;
      return actor.orgKind === 'ministry' || actor.organisationId === target.company || governsZone(actor, { kind: 'zone', regions: target.regions })
        || (actor.orgKind === 'responsible_ministry' && target.ministries.includes(actor.organisationId));
    case 'rapid-confirmation:file':
      // A company asks whether it needs a permit (Art. 85(1)).
      return actor.orgKind === 'company';
    case 'rapid-confirmation:forward':
      // The zone's local government answers within its powers or forwards the request (Art. 85(2); Decree Art. 56).
      return target.kind === 'rapid-confirmation' && governsZone(actor, { kind: 'zone', regions: target.regions });
    case 'rapid-confirmation:reply':
      // Each addressed responsible ministry replies and may ask for supplements (Art. 85(3)–(4)).
      return target.kind === 'rapid-confirmation' && actor.orgKind === 'responsible_ministry' && target.ministries.includes(actor.organisationId);
    case 'rapid-confirmation:supplement':
      // The company that filed the request supplies what a ministry asked for.
      return target.kind === 'rapid-confirmation' && actor.organisationId === target.company;
    case 'rapid-confirmation:decide':
      // The committee's decision on disagreeing ministries, recorded by an MSS administrator (Art. 85(7)).
      return target.kind === 'rapid-confirmation' && isMinistryAdmin(actor);
  }
}

/** A local government of the zone: one of its regions, or the province of one of its municipalities. */
function governsZone(actor: Actor, target: Target): boolean {
  if (target.kind !== 'zone' || actor.orgKind !== 'local_government' || actor.regionCode === null) return false;
  const code = actor.regionCode;
  return target.regions.some((r) => governs(code, r));
}

/** Actions only an interactive (browser) session may do, whatever an API token's scopes: a leaked token must not renew itself. */
export const SESSION_ONLY: ReadonlySet<Action> = new Set<Action>(['api-token:create']);

export function decide(actor: Actor | null, action: Action, target: Target = { kind: 'none' }): Decision {
  if (actor === null) return { allowed: false, reason: 'unauthenticated' };
  if (actor.tokenScopes !== null && SESSION_ONLY.has(action)) return { allowed: false, reason: 'session-required' };
  if (actor.tokenScopes !== null && !actor.tokenScopes.includes(ACTIONS[action])) {
    return { allowed: false, reason: 'token-scope' };
  }
  return rule(actor, action, target) ? ALLOW : FORBID;
}
