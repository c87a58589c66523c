import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decide } from './policy.ts';
import type { Actor } from './types.ts';

const actor = (over: Partial<Actor>): Actor => ({
  userId: 'u1', organisationId: 'o1', orgKind: 'company', regionCode: null, role: 'member', tokenScopes: null, ...over,
});
const busan = actor({ orgKind: 'local_government', regionCode: '21' });
const ministryAdmin = actor({ orgKind: 'ministry', role: 'admin' });
const ministryMember = actor({ orgKind: 'ministry' });

describe('policy', () => {
  test('nobody signed in is unauthenticated, not forbidden', () => {
    assert.deepEqual(decide(null, 'me:read'), { allowed: false, reason: 'unauthenticated' });
  });

  test('region profiles: own region only, or a ministry admin (Act Art. 141-6)', () => {
    const table: [Actor, string, boolean][] = [
      [busan, '21', true],
      [busan, '26', false],
      [busan, '21010', false],
      [ministryAdmin, '26', true],
      [ministryMember, '26', false],
      [actor({ orgKind: 'company' }), '21', false],
      [actor({ orgKind: 'responsible_ministry', role: 'admin' }), '21', false],
    ];
    for (const [who, code, allowed] of table) {
      assert.equal(decide(who, 'region-profile:edit', { kind: 'region', code }).allowed, allowed, `${who.orgKind}/${who.role} on ${code}`);
    }
  });

  test('inventories: own region, and a province also its municipalities', () => {
    const table: [Actor, string, boolean][] = [
      [busan, '21', true],
      [busan, '21010', true],
      [busan, '26010', false],
      [actor({ orgKind: 'local_government', regionCode: '21010' }), '21010', true],
      [actor({ orgKind: 'local_government', regionCode: '21010' }), '21', false],
      [actor({ orgKind: 'local_government', regionCode: '21010' }), '21020', false],
      [ministryAdmin, '38110', true],
      [actor({ orgKind: 'company', role: 'admin' }), '21010', false],
    ];
    for (const [who, code, allowed] of table) {
      assert.equal(decide(who, 'region-inventory:edit', { kind: 'region', code }).allowed, allowed, `${who.regionCode} on ${code}`);
    }
  });

  test('a province governs the municipalities that belong to it today, not those its code prefixes (군위군 37310 in Daegu since 2023-07-01)', () => {
    const daegu = actor({ orgKind: 'local_government', regionCode: '22' });
    const gyeongbuk = actor({ orgKind: 'local_government', regionCode: '37' });
    const zone = { kind: 'zone', regions: ['37310'] } as const;
    const plan = { kind: 'plan', lead: '37310', participants: ['37310'], submitted: false } as const;
    const table: [Actor, Parameters<typeof decide>[1], Parameters<typeof decide>[2], boolean][] = [
      [daegu, 'region-inventory:edit', { kind: 'region', code: '37310' }, true],
      [gyeongbuk, 'region-inventory:edit', { kind: 'region', code: '37310' }, false],
      [gyeongbuk, 'region-inventory:edit', { kind: 'region', code: '37320' }, true],
      [daegu, 'zone:request-change', zone, true],
      [gyeongbuk, 'zone:request-change', zone, false],
      [daegu, 'plan:read', plan, true],
      [gyeongbuk, 'plan:read', plan, false],
    ];
    for (const [who, action, target, allowed] of table) assert.equal(decide(who, action, target).allowed, allowed, `${who.regionCode} ${action}`);
  });

  test('a special local government\'s officials act for it alone (Local Autonomy Act Art. 199; RFZ Act Art. 72(1)3): its plans and zones, not its members\'', () => {
    const union = actor({ orgKind: 'local_government', regionCode: 'CHUNGCHEONG-UNION' });
    const daejeon = actor({ orgKind: 'local_government', regionCode: '25' });
    const unionPlan = { kind: 'plan', lead: '21', participants: ['21', 'CHUNGCHEONG-UNION'], submitted: false } as const;
    const daejeonPlan = { kind: 'plan', lead: '25', participants: ['25'], submitted: false } as const;
    const table: [Actor, Parameters<typeof decide>[1], Parameters<typeof decide>[2], boolean][] = [
      [union, 'plan:create', { kind: 'region', code: 'CHUNGCHEONG-UNION' }, true],
      [union, 'plan:create', { kind: 'region', code: '25' }, false],
      [union, 'plan:read', unionPlan, true],
      [union, 'plan:read', daejeonPlan, false],
      [daejeon, 'plan:read', unionPlan, false],
      [union, 'zone:request-change', { kind: 'zone', regions: ['CHUNGCHEONG-UNION', '21'] }, true],
      [union, 'zone:request-change', { kind: 'zone', regions: ['25'] }, false],
      [union, 'region-inventory:edit', { kind: 'region', code: '25010' }, false],
    ];
    for (const [who, action, target, allowed] of table) assert.equal(decide(who, action, target).allowed, allowed, `${who.regionCode} ${action}`);
  });

  test('a read-only token may read but not write', () => {
    const reader = { ...busan, tokenScopes: ['read'] as const };
    assert.equal(decide(reader, 'me:read').allowed, true);
    assert.deepEqual(decide(reader, 'me:edit'), { allowed: false, reason: 'token-scope' });
    assert.deepEqual(decide(reader, 'region-profile:edit', { kind: 'region', code: '21' }), { allowed: false, reason: 'token-scope' });
  });

  test('self-service actions refuse another user as target', () => {
    assert.equal(decide(busan, 'api-token:revoke', { kind: 'user', userId: 'u1', organisationId: 'o1' }).allowed, true);
    assert.equal(decide(busan, 'api-token:revoke', { kind: 'user', userId: 'u2', organisationId: 'o1' }).allowed, false);
  });

  test('only an interactive session creates API tokens: a token of any scope may not (issue 11, finding 8)', () => {
    assert.deepEqual(decide(busan, 'api-token:create'), { allowed: true });
    for (const tokenScopes of [['read', 'write'], ['write'], ['read']] as const) {
      assert.deepEqual(decide({ ...busan, tokenScopes }, 'api-token:create'), { allowed: false, reason: 'session-required' }, tokenScopes.join('+'));
    }
    assert.deepEqual(decide({ ...busan, tokenScopes: ['write'] }, 'api-token:revoke'), { allowed: true });
  });

  test('zone plans: participants, their province and MSS read; responsible ministries once submitted (Art. 72, 75; Decree 40(2), 42(1))', () => {
    const plan = (over: Partial<{ lead: string; participants: string[]; submitted: boolean; section: string }> = {}) =>
      ({ kind: 'plan' as const, lead: '21', participants: ['21', '26'], submitted: false, ...over });
    const ulsan = actor({ orgKind: 'local_government', regionCode: '26' });
    const daegu = actor({ orgKind: 'local_government', regionCode: '22' });
    const gyeongnam = actor({ orgKind: 'local_government', regionCode: '38' });
    const motie = actor({ orgKind: 'responsible_ministry' });
    const read: [Actor, ReturnType<typeof plan>, boolean][] = [
      [busan, plan(), true], [ulsan, plan(), true], [daegu, plan(), false], [ministryMember, plan(), true],
      [motie, plan(), false], [motie, plan({ submitted: true }), true], [actor({ orgKind: 'company', role: 'admin' }), plan({ submitted: true }), false],
      [gyeongnam, plan({ lead: '38110', participants: ['38110'] }), true], [busan, plan({ lead: '38110', participants: ['38110'] }), false],
    ];
    for (const [who, target, allowed] of read) assert.equal(decide(who, 'plan:read', target).allowed, allowed, `${who.orgKind}/${who.regionCode} read ${target.participants.join('+')}`);
    const write: [Actor, Parameters<typeof decide>[1], ReturnType<typeof plan>, boolean][] = [
      [busan, 'plan:lead', plan(), true], [ulsan, 'plan:lead', plan(), false], [ministryAdmin, 'plan:lead', plan(), false],
      [busan, 'plan:edit-section', plan({ section: '21' }), true], [busan, 'plan:edit-section', plan({ section: '26' }), false],
      [ulsan, 'plan:edit-section', plan({ section: '26' }), true], [daegu, 'plan:edit-section', plan({ participants: ['21'], section: '22' }), false],
      [ulsan, 'plan:sign-off', plan(), true], [daegu, 'plan:sign-off', plan(), false],
      [ulsan, 'plan:remove-participant', plan({ section: '26' }), true], [busan, 'plan:remove-participant', plan({ section: '26' }), true],
      [busan, 'plan:remove-participant', plan({ section: '21' }), false], [daegu, 'plan:remove-participant', plan({ section: '26' }), false],
      [ministryMember, 'plan:review', plan(), true], [busan, 'plan:review', plan(), false],
      [ministryAdmin, 'plan:decide', plan(), true], [ministryMember, 'plan:decide', plan(), false], [busan, 'plan:decide', plan(), false],
    ];
    for (const [who, action, target, allowed] of write) assert.equal(decide(who, action, target).allowed, allowed, `${who.orgKind}/${who.regionCode}/${who.role} ${action} ${target.section ?? ''}`);
    assert.equal(decide(busan, 'plan:create', { kind: 'region', code: '21' }).allowed, true);
    assert.equal(decide(busan, 'plan:create', { kind: 'region', code: '26' }).allowed, false);
    assert.equal(decide(ministryAdmin, 'plan:create', { kind: 'region', code: '21' }).allowed, false);
  });

  test('regulations and exemptions: MSS records; the holding company or MSS requests an amendment', () => {
    const company = actor({ orgKind: 'company', role: 'admin' });
    const held = { kind: 'exemption' as const, holders: [company.organisationId] };
    const other = { kind: 'exemption' as const, holders: ['someone-else'] };
    assert.equal(decide(ministryMember, 'regulation:create').allowed, true);
    assert.equal(decide(busan, 'regulation:create').allowed, false);
    assert.equal(decide(ministryAdmin, 'exemption:create').allowed, true);
    assert.equal(decide(ministryMember, 'exemption:extend').allowed, false);
    assert.equal(decide(company, 'exemption:create').allowed, false);
    assert.equal(decide(company, 'exemption:request-amendment', held).allowed, true);
    assert.equal(decide(company, 'exemption:request-amendment', other).allowed, false);
    assert.equal(decide(ministryMember, 'exemption:request-amendment', other).allowed, true);
    assert.equal(decide(actor({ orgKind: 'responsible_ministry' }), 'exemption:request-amendment', held).allowed, false);
    assert.equal(decide(company, 'exemption:request-amendment').allowed, false);
    assert.equal(decide(actor({ orgKind: 'responsible_ministry' }), 'exemption:record-amendment').allowed, true);
    assert.equal(decide(ministryMember, 'exemption:record-amendment').allowed, false);
    assert.equal(decide(company, 'exemption:record-amendment').allowed, false);
  });

  test('only the ministry reads the audit log', () => {
    assert.equal(decide(ministryMember, 'audit:read').allowed, true);
    for (const kind of ['local_government', 'company', 'expert', 'responsible_ministry'] as const) {
      assert.equal(decide(actor({ orgKind: kind, role: 'admin' }), 'audit:read').allowed, false);
    }
  });

  test('evidence pack: who reads the project, and the responsible ministry whose regulation an exemption of the project suspends', () => {
    const project = { kind: 'project' as const, lead: 'c1', companies: ['c1'], regions: ['21'], ministries: ['motie'] };
    const motie = actor({ orgKind: 'responsible_ministry', organisationId: 'motie' });
    const molit = actor({ orgKind: 'responsible_ministry', organisationId: 'molit' });
    assert.equal(decide(motie, 'project:evidence', project).allowed, true);
    assert.equal(decide(molit, 'project:evidence', project).allowed, false);
    assert.equal(decide(motie, 'project:evidence', { ...project, ministries: [] }).allowed, false);
    assert.equal(decide(motie, 'project:read', project).allowed, false, 'the pack only, not the project record');
    for (const a of [actor({ orgKind: 'company', organisationId: 'c1' }), ministryMember, busan]) assert.equal(decide(a, 'project:evidence', project).allowed, true);
    for (const a of [actor({ orgKind: 'company', organisationId: 'c9' }), actor({ orgKind: 'expert' }), actor({ orgKind: 'local_government', regionCode: '22' })]) {
      assert.equal(decide(a, 'project:evidence', project).allowed, false);
    }
  });

  test('an attachment is withdrawn by the company that attached it or the lead company', () => {
    const project = { kind: 'project' as const, lead: 'c1', companies: ['c1', 'c2', 'c3'], regions: ['21'] };
    const [lead, partner, third] = ['c1', 'c2', 'c3'].map((id) => actor({ orgKind: 'company', organisationId: id }));
    assert.equal(decide(partner!, 'project:remove-attachment', { ...project, attachedBy: 'c2' }).allowed, true);
    assert.equal(decide(lead!, 'project:remove-attachment', { ...project, attachedBy: 'c2' }).allowed, true);
    assert.equal(decide(third!, 'project:remove-attachment', { ...project, attachedBy: 'c2' }).allowed, false);
    assert.equal(decide(actor({ orgKind: 'company', organisationId: 'c9' }), 'project:remove-attachment', { ...project, attachedBy: 'c9' }).allowed, false, 'not in the project');
    assert.equal(decide(ministryAdmin, 'project:remove-attachment', { ...project, attachedBy: null }).allowed, false);
    assert.equal(decide(busan, 'project:remove-attachment', { ...project, attachedBy: null }).allowed, false);
  });

  test('demonstration projects: its companies, MSS and the zone\'s governments read; the lead company edits; its companies upload', () => {
    const lead = actor({ orgKind: 'company', organisationId: 'c1' });
    const partner = actor({ orgKind: 'company', organisationId: 'c2' });
    const outsider = actor({ orgKind: 'company', organisationId: 'c3' });
    const project = { kind: 'project' as const, lead: 'c1', companies: ['c1', 'c2'], regions: ['21', '26110'] };
    assert.equal(decide(lead, 'project:create').allowed, true);
    assert.equal(decide(busan, 'project:create').allowed, false);
    for (const a of [lead, partner, ministryMember, busan, actor({ orgKind: 'local_government', regionCode: '26' })]) assert.equal(decide(a, 'project:read', project).allowed, true);
    for (const a of [outsider, actor({ orgKind: 'local_government', regionCode: '22' }), actor({ orgKind: 'expert' }), actor({ orgKind: 'responsible_ministry' })]) {
      assert.equal(decide(a, 'project:read', project).allowed, false);
    }
    assert.equal(decide(lead, 'project:edit', project).allowed, true);
    assert.equal(decide(partner, 'project:edit', project).allowed, false);
    assert.equal(decide(ministryAdmin, 'project:edit', project).allowed, false);
    assert.equal(decide(partner, 'project:upload', project).allowed, true);
    assert.equal(decide(outsider, 'project:upload', project).allowed, false);
    assert.equal(decide(busan, 'project:upload', project).allowed, false);
    assert.equal(decide(partner, 'project:report', project).allowed, true);
    assert.equal(decide(outsider, 'project:report', project).allowed, false);
    assert.equal(decide(busan, 'project:review', project).allowed, true);
    assert.equal(decide(ministryMember, 'project:review', project).allowed, true);
    assert.equal(decide(actor({ orgKind: 'local_government', regionCode: '22' }), 'project:review', project).allowed, false);
    assert.equal(decide(lead, 'project:review', project).allowed, false);
    assert.equal(decide(ministryMember, 'project:suspend', project).allowed, true);
    // The zone's government suspends an exemption for the project after a serious incident; only MSS lifts it.
    assert.equal(decide(busan, 'project:suspend', project).allowed, true);
    assert.equal(decide(actor({ orgKind: 'local_government', regionCode: '22' }), 'project:suspend', project).allowed, false);
    assert.equal(decide(lead, 'project:suspend', project).allowed, false);
    assert.equal(decide(ministryMember, 'project:lift-suspension', project).allowed, true);
    assert.equal(decide(busan, 'project:lift-suspension', project).allowed, false);
    assert.equal(decide(lead, 'project:lift-suspension', project).allowed, false);
  });
});
