/**
 * Explicit state machines as transition tables: (state, action, role, guards) → next state.
 *
 * A machine is data, so the API can list the actions available to a user, report the guard
 * names that failed in a 409 response, and tests can check every move against the table.
 * Guards are named facts supplied by the caller (computed with the pure rule functions of this
 * package); a fact that is missing counts as false, so the machine fails closed.
 *
 * Shared by the zone-plan, zone and exemption machines.
 */
import type { OrgKind } from '../auth/types.ts';

/** Who acts. `committee` decisions are recorded in ZoneLink by a ministry official. */
export const ROLES = ['ministry', 'local_government', 'company', 'expert', 'responsible_ministry', 'committee'] as const;
export type Role = (typeof ROLES)[number];

// Every organisation kind known to the auth layer is a role here (compile-time check).
type OrgKindsAreRoles = [OrgKind] extends [Role] ? true : never;
const orgKindsAreRoles: OrgKindsAreRoles = true;
void orgKindsAreRoles;

/**
 * A role requirement in a transition. `lead_local_government` is the government that leads a
 * joint (connected) plan; any participating local government satisfies `local_government`.
 */
export type RoleSpec = Role | 'lead_local_government';

export interface Actor {
  readonly role: Role;
  /** For local governments: is this the lead government of the plan or zone? */
  readonly lead?: boolean;
}

export function actorMatches(actor: Actor, spec: RoleSpec): boolean {
  if (spec === 'lead_local_government') return actor.role === 'local_government' && actor.lead === true;
  return actor.role === spec;
}

/** A rule violation: a stable code, the article it comes from, and what went wrong. */
export interface Violation {
  readonly code: string;
  readonly rule: string;
  readonly params: Readonly<Record<string, string | number | boolean | null | readonly string[]>>;
  /** `error` blocks; `warning` is shown but does not block. Default `error`. */
  readonly severity?: 'error' | 'warning';
}

export type RuleResult<T> = { readonly ok: true; readonly value: T; readonly warnings: readonly Violation[] } | { readonly ok: false; readonly violations: readonly Violation[] };

/** Splits violations into a result: errors fail it, warnings ride along. */
export function ruleResult<T>(value: T, violations: readonly Violation[]): RuleResult<T> {
  const errors = violations.filter((v) => (v.severity ?? 'error') === 'error');
  if (errors.length > 0) return { ok: false, violations };
  return { ok: true, value, warnings: violations };
}

export interface Transition<S extends string, A extends string, G extends string> {
  readonly from: S;
  readonly action: A;
  readonly to: S;
  readonly roles: readonly RoleSpec[];
  readonly guards: readonly G[];
  /** Article (or policy) the transition comes from. */
  readonly rule: string;
}

export interface Machine<S extends string, A extends string, G extends string> {
  readonly name: string;
  readonly states: readonly S[];
  readonly actions: readonly A[];
  readonly guards: readonly G[];
  readonly initial: S;
  /** States with no way out. */
  readonly terminal: readonly S[];
  readonly transitions: readonly Transition<S, A, G>[];
  /** The article (or policy) each guard comes from, reported beside the guard when a move is refused. */
  readonly guardArticles?: Readonly<Record<G, string>>;
}

/** A failed guard as a 409 reports it: its name and the article it comes from. */
export interface GuardRefusal<G extends string> {
  readonly guard: G;
  readonly article: string;
}

/** Facts the guards read. Missing = false. */
export type Facts<G extends string> = Partial<Readonly<Record<G, boolean>>>;

export type AttemptResult<S extends string, A extends string, G extends string> =
  | { readonly ok: true; readonly from: S; readonly to: S; readonly transition: Transition<S, A, G> }
  | { readonly ok: false; readonly code: 'no-such-transition'; readonly from: S; readonly action: A }
  | { readonly ok: false; readonly code: 'role-not-allowed'; readonly from: S; readonly action: A; readonly allowedRoles: readonly RoleSpec[] }
  | {
      readonly ok: false;
      readonly code: 'guard-failed';
      readonly from: S;
      readonly action: A;
      readonly failedGuards: readonly G[];
      /** The failed guards with their articles, in table order (structured data of a 409). */
      readonly guards: readonly GuardRefusal<G>[];
      readonly rule: string;
    };

export function findTransition<S extends string, A extends string, G extends string>(
  machine: Machine<S, A, G>,
  from: S,
  action: A,
): Transition<S, A, G> | undefined {
  return machine.transitions.find((t) => t.from === from && t.action === action);
}

/** Tries one move. Never throws for a forbidden move; the state stays where it was. */
export function attempt<S extends string, A extends string, G extends string>(
  machine: Machine<S, A, G>,
  from: S,
  action: A,
  actor: Actor,
  facts: Facts<G> = {},
): AttemptResult<S, A, G> {
  const transition = findTransition(machine, from, action);
  if (!transition) return { ok: false, code: 'no-such-transition', from, action };
  if (!transition.roles.some((spec) => actorMatches(actor, spec))) {
    return { ok: false, code: 'role-not-allowed', from, action, allowedRoles: transition.roles };
  }
  const failedGuards = transition.guards.filter((g) => facts[g] !== true);
  if (failedGuards.length > 0) {
    const guards = failedGuards.map((guard) => ({ guard, article: machine.guardArticles?.[guard] ?? transition.rule }));
    return { ok: false, code: 'guard-failed', from, action, failedGuards, guards, rule: transition.rule };
  }
  return { ok: true, from, to: transition.to, transition };
}

/** Actions the actor may take now, with the guards that still block each one. */
export function availableActions<S extends string, A extends string, G extends string>(
  machine: Machine<S, A, G>,
  from: S,
  actor: Actor,
  facts: Facts<G> = {},
): readonly { readonly action: A; readonly to: S; readonly blockedBy: readonly G[] }[] {
  return machine.transitions
    .filter((t) => t.from === from && t.roles.some((spec) => actorMatches(actor, spec)))
    .map((t) => ({ action: t.action, to: t.to, blockedBy: t.guards.filter((g) => facts[g] !== true) }));
}

/** States reachable from the initial state through the table. */
export function reachableStates<S extends string, A extends string, G extends string>(machine: Machine<S, A, G>): ReadonlySet<S> {
  const seen = new Set<S>([machine.initial]);
  const queue: S[] = [machine.initial];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const t of machine.transitions) {
      if (t.from === state && !seen.has(t.to)) {
        seen.add(t.to);
        queue.push(t.to);
      }
    }
  }
  return seen;
}

/** Consistency problems in a table (empty when sound). */
export function validateMachine<S extends string, A extends string, G extends string>(machine: Machine<S, A, G>): string[] {
  const problems: string[] = [];
  const states = new Set<string>(machine.states);
  const actions = new Set<string>(machine.actions);
  const guards = new Set<string>(machine.guards);
  const keys = new Set<string>();
  if (!states.has(machine.initial)) problems.push(`initial state ${machine.initial} is not a state`);
  for (const t of machine.transitions) {
    const key = `${t.from}/${t.action}`;
    if (keys.has(key)) problems.push(`duplicate transition ${key}`);
    keys.add(key);
    if (!states.has(t.from)) problems.push(`${key}: unknown from-state`);
    if (!states.has(t.to)) problems.push(`${key}: unknown to-state ${t.to}`);
    if (!actions.has(t.action)) problems.push(`${key}: unknown action`);
    for (const g of t.guards) if (!guards.has(g)) problems.push(`${key}: unknown guard ${g}`);
    if (t.roles.length === 0) problems.push(`${key}: no role may take it`);
    if (t.rule.trim() === '') problems.push(`${key}: no rule cited`);
    if (machine.terminal.includes(t.from)) problems.push(`${key}: leaves terminal state ${t.from}`);
  }
  if (machine.guardArticles) {
    for (const g of machine.guards) if (!(machine.guardArticles[g] ?? '').trim()) problems.push(`guard ${g} cites no article`);
  }
  const reachable = reachableStates(machine);
  for (const s of machine.states) if (!reachable.has(s)) problems.push(`state ${s} is unreachable`);
  for (const s of machine.states) {
    const hasExit = machine.transitions.some((t) => t.from === s);
    if (!hasExit && !machine.terminal.includes(s)) problems.push(`state ${s} has no exit but is not terminal`);
  }
  return problems;
}
