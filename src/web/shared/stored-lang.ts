// The reader's chosen UI language, kept in the browser (read by the first script, before anything else runs).
import { DEFAULT_LANG, isLang, type Lang } from '../i18n/index.ts';

export const LANG_STORAGE_KEY = 'zonelink.lang';

/** The stored choice, else the default language (also when storage is disabled). */
export function storedLang(): Lang {
  try {
    const value = window.localStorage.getItem(LANG_STORAGE_KEY);
    return isLang(value) ? value : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}
