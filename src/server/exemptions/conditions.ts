// Conditions (부가조건) of an exemption: text plus structured parts that demonstration data can be
// checked against (shape: src/contract/exemption-conditions.ts), and the liability-insurance minimums of Decree Art. 60.
import type { Conditions } from '../../contract/exemption-conditions.ts';
import type { Violation } from '../../domain/zones/transition-table.ts';

/** Minimum pay-outs of the liability insurance (Decree Art. 60(1), table), in KRW. */
export const INSURANCE_MINIMUMS = {
  deathPerPerson: 150_000_000,
  injuryPerPerson: 30_000_000,
  disabilityPerPerson: 150_000_000,
  propertyPerAccident: 1_000_000_000,
} as const;

/**
 * Demonstration exemptions and temporary permits need liability insurance before the business
 * starts (Act Art. 88(2), 90(7)); the cover must reach the minimums of Decree Art. 60(1).
 */
export function insuranceViolations(kind: string, conditions: Conditions): Violation[] {
  if (kind !== 'demonstration_exemption' && kind !== 'temporary_permit') return [];
  const rule = 'RFZ Act Art. 88(2); Decree Art. 60(1)';
  if (conditions.insurance === null) return [{ code: 'insurance-required', rule, params: { kind } }];
  const out: Violation[] = [];
  for (const [key, minimum] of Object.entries(INSURANCE_MINIMUMS)) {
    const value = conditions.insurance[key as keyof typeof INSURANCE_MINIMUMS];
    if (value < minimum) out.push({ code: 'insurance-below-minimum', rule, params: { item: key, minimum, value } });
  }
  return out;
}
