// A provision's article and paragraph as the reader's language writes them.
import type { Translate } from '../../../i18n/index.ts';

/** "Act Art. 86(10)" in the UI language. */
export function articleText(article: string, paragraph: string | null, t: Translate): string {
  return t('exArticle', { article: paragraph ? `${article}(${paragraph})` : article });
}
