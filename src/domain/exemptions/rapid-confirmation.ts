// Rapid confirmation (신속확인, RFZ Act Art. 85; Decree Art. 56) once every addressed ministry has answered — in
// time, late, or by silence (deemed "no permit needed", Art. 85(5)): they agree, or the committee decides (Art. 85(7)).
// The 30-day clock and the deemed answer are in ./validity.ts.

export const RAPID_ANSWERS = ['permit_needed', 'no_permit_needed', 'not_our_matter'] as const;
export type RapidAnswer = (typeof RAPID_ANSWERS)[number];

export type RapidSettlement =
  | { readonly status: 'waiting'; readonly rule: string }
  | { readonly status: 'agreed'; readonly answer: RapidAnswer; readonly rule: string }
  | { readonly status: 'disagreed'; readonly rule: string };

/**
 * `null` is a ministry that has not answered yet. "Not our matter" leaves the question to the others; when every
 * ministry says so, that is the answer. A ministry needing a permit against one needing none is a disagreement.
 */
export function settleRapidConfirmation(answers: readonly (RapidAnswer | null)[]): RapidSettlement {
  if (answers.length === 0 || answers.some((a) => a === null)) return { status: 'waiting', rule: 'RFZ Act Art. 85(4)' };
  const views = new Set(answers.filter((a) => a !== 'not_our_matter'));
  if (views.size > 1) return { status: 'disagreed', rule: 'RFZ Act Art. 85(7)' };
  const [only] = [...views];
  return { status: 'agreed', answer: only ?? 'not_our_matter', rule: 'RFZ Act Art. 85(4)–(5)' };
}
