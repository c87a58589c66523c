// Test support (imported only by *.test.ts): fast-check properties that hold for every transition table.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ROLES, actorMatches, attempt, findTransition, reachableStates, type Actor, type Facts, type Machine } from '../transition-table.ts';

export function actorArb(): fc.Arbitrary<Actor> {
  return fc.record({ role: fc.constantFrom(...ROLES), lead: fc.boolean() });
}

/**
 * Random sequences of (action, actor, facts) from the initial state: a move succeeds only
 * through a transition of the table whose roles and guards allow it; a refused move leaves the
 * state unchanged; every state reached is one the table can reach.
 */
export function checkMachineProperties<S extends string, A extends string, G extends string>(machine: Machine<S, A, G>, runs = 300): void {
  const reachable = reachableStates(machine);
  const factsArb: fc.Arbitrary<Facts<G>> = fc.dictionary(fc.constantFrom(...machine.guards), fc.boolean()) as fc.Arbitrary<Facts<G>>;
  const stepArb = fc.tuple(fc.constantFrom(...machine.actions), actorArb(), factsArb);
  fc.assert(
    fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
      let state = machine.initial;
      for (const [action, actor, facts] of steps) {
        const result = attempt(machine, state, action, actor, facts);
        const transition = findTransition(machine, state, action);
        if (result.ok) {
          assert.ok(transition, `moved without a transition ${state}/${action}`);
          assert.equal(result.to, transition.to);
          assert.ok(transition.roles.some((r) => actorMatches(actor, r)), 'role not allowed by the table');
          for (const g of transition.guards) assert.equal(facts[g], true, `guard ${g} did not hold`);
          state = result.to;
        } else if (result.code === 'no-such-transition') {
          assert.equal(transition, undefined);
        } else if (result.code === 'role-not-allowed') {
          assert.ok(transition && !transition.roles.some((r) => actorMatches(actor, r)));
        } else {
          assert.ok(result.failedGuards.length > 0 && result.failedGuards.every((g) => facts[g] !== true));
          // The refusal carries exactly the failed guards of the table, in table order, each with its article.
          assert.ok(transition);
          assert.deepEqual(result.guards.map((r) => r.guard), transition.guards.filter((g) => facts[g] !== true));
          for (const r of result.guards) {
            assert.equal(r.article, machine.guardArticles?.[r.guard] ?? transition.rule);
            assert.ok(r.article.trim().length > 0, `guard ${r.guard} reported without an article`);
          }
        }
        assert.ok(machine.states.includes(state));
        assert.ok(reachable.has(state), `reached ${state}, which the table cannot reach`);
        if (machine.terminal.includes(state)) {
          assert.equal(machine.transitions.some((t) => t.from === state), false);
        }
      }
    }),
    { numRuns: runs },
  );
}

/** With every guard true and an actor allowed by the table, random walks reach every state. */
export function coversAllStates<S extends string, A extends string, G extends string>(machine: Machine<S, A, G>): ReadonlySet<S> {
  const allTrue = Object.fromEntries(machine.guards.map((g) => [g, true])) as Facts<G>;
  const seen = new Set<S>([machine.initial]);
  for (const t of machine.transitions) {
    const role = t.roles[0];
    if (role === undefined) continue;
    const actor: Actor = role === 'lead_local_government' ? { role: 'local_government', lead: true } : { role };
    const r = attempt(machine, t.from, t.action, actor, allTrue);
    if (r.ok) seen.add(r.to);
  }
  return seen;
}
