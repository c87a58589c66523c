// Region names (a municipality with its province, in the reader's language or marked with the one used), need
// names and numbers as the planner writes them.
import { useApp } from '../../shared/app-context.tsx';
import { INTL_LOCALE, type Lang } from '../../i18n/index.ts';
import type { CatalogueEntry, NeedCoverage, Region } from '../../shared/types.ts';
import { catalogueName, pickRegionName } from '../../shared/ui/text.tsx';

export function regionLabel(code: string, index: Map<string, Region>, lang: Lang): { text: string; lang?: Lang } {
  const region = index.get(code);
  if (!region) return { text: code };
  const own = pickRegionName(region.name, lang);
  if (region.level === 'province' || !region.parentCode) return own.lang === lang ? { text: own.text } : own;
  const parent = index.get(region.parentCode);
  const parentName = parent ? pickRegionName(parent.name, lang).text : region.parentCode;
  return { text: `${parentName} ${own.text}`, ...(own.lang === lang ? {} : { lang: own.lang }) };
}

export function RegionLabel({ code, index }: { code: string; index: Map<string, Region> }) {
  const { lang } = useApp();
  const label = regionLabel(code, index, lang);
  return label.lang ? <span lang={label.lang}>{label.text}</span> : <>{label.text}</>;
}

export const regionText = (code: string, index: Map<string, Region>, lang: Lang) => regionLabel(code, index, lang).text;
export const listText = (codes: string[], index: Map<string, Region>, lang: Lang) =>
  codes.map((c) => regionText(c, index, lang)).join(', ');

export function needName(ref: NeedCoverage['ref'], catalogue: CatalogueEntry[], lang: Lang): string {
  return catalogueName(catalogue.find((e) => e.key === ref.key)?.name, lang, ref.key);
}

export const number = (value: number, lang: Lang, digits = 2) =>
  new Intl.NumberFormat(INTL_LOCALE[lang], { maximumFractionDigits: digits }).format(value);
