import { useApp } from '../app-context.tsx';
import { formatDateTime, formatDay } from '../dates.ts';
import type { Lang } from '../../i18n/index.ts';
import type { I18nText, Region, RegionName } from '../types.ts';

/** `name[lang] ?? name.en ?? name.ko`, with the language actually used (for the lang attribute). */
export function pickRegionName(name: RegionName, lang: Lang): { text: string; lang: Lang } {
  const own = name[lang];
  if (own) return { text: own, lang };
  if (name.en) return { text: name.en, lang: 'en' };
  return { text: name.ko, lang: 'ko' };
}

export function regionNameText(region: Pick<Region, 'name'>, lang: Lang): string {
  return pickRegionName(region.name, lang).text;
}

export function RegionNameText({ region }: { region: Pick<Region, 'name'> }) {
  const { lang } = useApp();
  const picked = pickRegionName(region.name, lang);
  return picked.lang === lang ? <>{picked.text}</> : <span lang={picked.lang}>{picked.text}</span>;
}

/** User-written text: the current language, else Korean with a visible notice. */
export function LocalText({ value, block = false }: { value: I18nText; block?: boolean }) {
  const { lang, t } = useApp();
  const own = value[lang]?.trim();
  const text = own ? value[lang]! : value.ko;
  const shownLang: Lang = own ? lang : 'ko';
  const content = block ? <Paragraphs text={text} lang={shownLang === lang ? undefined : shownLang} /> : text;
  if (shownLang === lang) return block ? content : <>{content}</>;
  return block ? (
    <div className="zl-fallback">
      {content}
      <p className="zl-fallback-note">{t('shownInKorean')}</p>
    </div>
  ) : (
    <>
      <span lang="ko">{text}</span> <span className="zl-fallback-note">{t('shownInKorean')}</span>
    </>
  );
}

function Paragraphs({ text, lang }: { text: string; lang?: string | undefined }) {
  const parts = text.split(/\n{2,}|\r\n\r\n/).filter((p) => p.trim() !== '');
  return (
    <div lang={lang} className="zl-paragraphs">
      {parts.map((part, i) => (
        <p key={i}>{part}</p>
      ))}
    </div>
  );
}

/** An instant, shown in Asia/Seoul in the reader's format (src/web/shared/dates.ts). */
export function DateTime({ iso }: { iso: string }) {
  const { lang } = useApp();
  return <time dateTime={iso}>{formatDateTime(iso, lang)}</time>;
}

/**
 * Reference data in Korean and English only (e.g. the 42 reference zones): the current language,
 * else English (for readers of ja, zh, fr), else Korean; with a visible notice unless `notice` is false
 * (a table then says it once above itself).
 */
export function pickRefText(value: I18nText, lang: Lang): { text: string; lang: Lang } {
  const own = value[lang]?.trim();
  if (own) return { text: value[lang]!, lang };
  if (lang !== 'ko' && value.en?.trim()) return { text: value.en, lang: 'en' };
  return { text: value.ko, lang: 'ko' };
}

export function refTextString(value: I18nText, lang: Lang): string {
  return pickRefText(value, lang).text;
}

export function RefText({ value, notice = true }: { value: I18nText; notice?: boolean }) {
  const { lang, t } = useApp();
  const picked = pickRefText(value, lang);
  if (picked.lang === lang) return <>{picked.text}</>;
  return (
    <>
      <span lang={picked.lang}>{picked.text}</span>
      {notice ? (
        <>
          {' '}
          <span className="zl-fallback-note">{picked.lang === 'en' ? t('shownInEnglish') : t('shownInKorean')}</span>
        </>
      ) : null}
    </>
  );
}

/** Names from the capability catalogue, which has all five languages. */
export function catalogueName(name: Partial<Record<Lang, string>> | undefined, lang: Lang, fallback: string): string {
  return name?.[lang] ?? name?.en ?? name?.ko ?? fallback;
}

/** A civil date (YYYY-MM-DD) in the UI language, or a dash. */
export function Day({ iso }: { iso: string | null | undefined }) {
  const { lang } = useApp();
  if (!iso) return <>—</>;
  return <time dateTime={iso}>{formatDay(iso, lang)}</time>;
}
