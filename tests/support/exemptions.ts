// A valid body of POST /api/exemptions (MSS records a granted exemption), for tests that need a write changing public data.
import { demoId } from '../../src/db/seed/demo.ts';
import { regulationId, zoneAt } from '../../src/db/seed/regulations.ts';

export const newExemption = (title: string) => ({
  kind: 'demonstration_exemption', title: { ko: title, en: title }, zoneId: zoneAt(25), holders: [demoId('org:company')],
  regulationIds: [regulationId({ key: 'drone_bvlos' })],
  conditions: {
    text: { ko: '야간에만 비행' }, scope: { ko: '물류 배송' }, area: { ko: '지정 공역' }, quantities: [], time: { ko: '22:00–06:00' }, safetyMeasures: [],
    insurance: { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 },
  },
  stages: ['logistics'], grantedOn: '2025-01-02', validFrom: '2025-01-02', validUntil: '2029-01-01', insuranceProofSubmitted: true,
});
