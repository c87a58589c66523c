// Legal citations in the reader's language, for the server's sentences and the browser's pages alike (pure):
// "RFZ Act Art. 86(10)" → "지역특구법 제86조제10항" / "地域特区法第86条第10項" / "loi RFZ, art. 86(10)". Rules are
// written once, in English, where they are decided (src/domain); only this renders them for a reader.
import type { MessageLocale } from './icu.ts';
import { RULE_PHRASES, RULE_PHRASE_ORDER } from './rule-phrases.ts';

/** The laws' names and "proviso" in each language. */
const LAW: Record<MessageLocale, { act: string; decree: string; apa: string; proviso: string }> = {
  ko: { act: '지역특구법', decree: '시행령', apa: '행정절차법', proviso: '단서' },
  en: { act: 'RFZ Act', decree: 'Decree', apa: 'Administrative Procedures Act', proviso: 'proviso' },
  ja: { act: '地域特区法', decree: '施行令', apa: '行政手続法', proviso: 'ただし書' },
  zh: { act: '地区特区法', decree: '施行令', apa: '行政程序法', proviso: '但书' },
  fr: { act: 'loi RFZ', decree: 'décret', apa: 'loi sur la procédure administrative', proviso: 'réserve' },
};

/** "RFZ Act Art. 57-3(2)–(4)" → "지역특구법 제57조의3제2항~제4항" / "地域特区法第57条の3第2項～第4項" / "loi RFZ, art. 57-3(2)–(4)". */
export function citation(locale: MessageLocale, rule: string): string {
  const law = LAW[locale];
  let text = rule.replace(/ \((?:parenthesis|not for)[^)]*\)/g, '');
  if (locale === 'en') return text;
  const phrased = (t: string): string => RULE_PHRASE_ORDER.reduce((acc, phrase) => acc.replaceAll(phrase, RULE_PHRASES[phrase]![locale]), t);
  text = text.replaceAll('RFZ Act', law.act).replaceAll('Administrative Procedures Act', law.apa).replaceAll('Decree', law.decree);
  text = text.replaceAll(' proviso', locale === 'fr' ? `, ${law.proviso}` : locale === 'ko' ? ` ${law.proviso}` : law.proviso);
  if (locale === 'fr') return phrased(text.replaceAll('; ', ' ; ').replaceAll(' ; Art.', ' ; art.').replaceAll(' Art.', ', art.').replace(/ item (\d+)/g, ', $1°'));
  // Sub-items of a paragraph, "(c)": 다목 / ハ / 第3目.
  const letter = (l: string): string => {
    const i = l.charCodeAt(0) - 97;
    return locale === 'ko' ? `${'가나다라마바사아자차'[i]}목` : locale === 'ja' ? 'イロハニホヘトチリヌ'[i]! : `第${i + 1}目`;
  };
  const one = (ref: string): string => {
    const m = /^(\d+)(?:-(\d+))?(?:\((\d+)\))?(?:–\((\d+)\))?(\d*)(?:\(([a-j])\))?$/.exec(ref.trim());
    if (!m) return ref;
    const [, n, sub, p, q, item, sublet] = m;
    const tail = sublet ? letter(sublet) : '';
    if (locale === 'ko') return `제${n}조${sub ? `의${sub}` : ''}${p ? `제${p}항` : ''}${q ? `~제${q}항` : ''}${item ? `제${item}호` : ''}${tail}`;
    if (locale === 'ja') return `第${n}条${sub ? `の${sub}` : ''}${p ? `第${p}項` : ''}${q ? `～第${q}項` : ''}${item ? `第${item}号` : ''}${tail}`;
    return `第${n}条${sub ? `之${sub}` : ''}${p ? `第${p}款` : ''}${q ? `至第${q}款` : ''}${item ? `第${item}项` : ''}${tail}`;
  };
  const sep = { ko: { space: ' ', refs: ', ', laws: ', ' }, ja: { space: '', refs: '・', laws: '、' }, zh: { space: '', refs: '、', laws: '；' } }[locale];
  const itemOf = { ko: '제$1호', ja: '第$1号', zh: '第$1项' }[locale];
  const rendered = text.replace(/(;)? Art\. ((?:\d[\d\-()–a-j]*)(?:, \d[\d\-()–a-j]*)*)/g, (_, semicolon: string | undefined, refs: string) => (semicolon ? sep.laws : sep.space) + refs.split(', ').map(one).join(sep.refs));
  return phrased(rendered.replace(/ item (\d+)/g, itemOf).replaceAll('; ', sep.laws));
}
