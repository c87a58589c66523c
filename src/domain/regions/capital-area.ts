// The Seoul Metropolitan Area (수도권).
// 수도권정비계획법 (Seoul Metropolitan Area Readjustment Planning Act) Art. 2(1): "수도권" means
// Seoul and its surrounding areas prescribed by Presidential Decree; the Enforcement Decree
// (Art. 2) names Incheon Metropolitan City and Gyeonggi-do. So the capital area is Seoul (11),
// Incheon (23), Gyeonggi (31) and every municipality under them.

const CAPITAL_AREA_PROVINCES: ReadonlySet<string> = new Set(['11', '23', '31']);

/**
 * Whether a province (2-digit) or municipality (5-digit) SGIS code lies in the capital area.
 * Throws a RangeError for a malformed code rather than silently answering false (which would
 * make a malformed code look eligible to host a zone).
 */
export function isCapitalArea(code: string): boolean {
  if (!/^\d{2}(\d{3})?$/.test(code)) throw new RangeError(`not an SGIS region code: "${code}"`);
  return CAPITAL_AREA_PROVINCES.has(code.slice(0, 2));
}
