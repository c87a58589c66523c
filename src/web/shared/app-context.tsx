import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, onSessionLost, setApiLanguage, setCsrfToken } from './api.ts';
import { queryClient } from './data/query-client.ts';
import { isLang, loadCatalogue, translator, type Catalogue, type Lang, type Translate } from '../i18n/index.ts';
import type { Me, Session } from './types.ts';
import { LANG_STORAGE_KEY, storedLang } from './stored-lang.ts';

function applyLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // storage may be disabled; the choice then lasts for this page only
  }
  document.documentElement.lang = lang;
  setApiLanguage(lang);
}

export interface AppState {
  lang: Lang;
  t: Translate;
  /** Changes the UI language; for a logged-in user it is saved as the preferred language too. */
  setLang: (lang: Lang) => void;
  /** undefined while the session is being checked, null when logged out. */
  user: Me | null | undefined;
  /** Adopts a session (after login or session check); the account's language wins. */
  startSession: (session: Session) => void;
  updateUser: (user: Me) => void;
  endSession: () => void;
}

const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside <AppProvider>');
  return state;
}

/** Shorthand for components that only need the translator. */
export function useT(): Translate {
  return useApp().t;
}

/** The language to start in (the reader's stored choice) and its catalogue, loaded before the first render. */
export async function loadInitialLanguage(): Promise<{ lang: Lang; catalogue: Catalogue }> {
  const lang = storedLang();
  applyLang(lang);
  return { lang, catalogue: await loadCatalogue(lang) };
}

/**
 * The server sets a readable `zl_signed_in` cookie beside the session's (which the page cannot read) and drops it
 * when the session ends: without it the visitor is signed out, known at once, and no session check is asked
 * (so none is refused, and a public page never waits for one).
 */
function mayBeSignedIn(): boolean {
  return document.cookie.split('; ').includes('zl_signed_in=1');
}

interface LangState {
  lang: Lang;
  catalogue: Catalogue;
}

export function AppProvider({ initial, children }: { initial: LangState; children: ReactNode }) {
  const [{ lang, catalogue }, setLangState] = useState<LangState>(initial);
  const [user, setUser] = useState<Me | null | undefined>(() => (mayBeSignedIn() ? undefined : null));

  /** Switches the UI once the language's catalogue has arrived (the page stays in the old language until then). */
  const switchLang = useCallback((next: Lang) => {
    loadCatalogue(next)
      .then((loaded) => {
        applyLang(next);
        setLangState({ lang: next, catalogue: loaded });
      })
      .catch(() => {
        // offline or a stale build: the UI stays in the language it has
      });
  }, []);

  const startSession = useCallback(
    (session: Session) => {
      setCsrfToken(session.csrfToken);
      setUser(session.user);
      if (isLang(session.user.locale)) switchLang(session.user.locale);
    },
    [switchLang],
  );

  const endSession = useCallback(() => {
    setCsrfToken(null);
    setUser(null);
  }, []);

  useEffect(() => onSessionLost(endSession), [endSession]);

  // Answers belong to the reader who asked: after signing in, out or as someone else, every query starts again.
  const reader = user === undefined ? undefined : (user?.id ?? null);
  const lastReader = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (lastReader.current !== undefined && lastReader.current !== reader) void queryClient.resetQueries();
    lastReader.current = reader;
  }, [reader]);

  // Answers carry names and messages in the reader's language: a language switch asks again.
  const lastLang = useRef(lang);
  useEffect(() => {
    if (lastLang.current !== lang) void queryClient.invalidateQueries();
    lastLang.current = lang;
  }, [lang]);

  useEffect(() => {
    if (!mayBeSignedIn()) return;
    let cancelled = false;
    api
      .getSession()
      .then((session) => {
        if (cancelled) return;
        if (session) startSession(session);
        else setUser(null);
      })
      .catch(() => {
        if (!cancelled) setUser(null);
      });
    return () => {
      cancelled = true;
    };
  }, [startSession]);

  const setLang = useCallback(
    (next: Lang) => {
      switchLang(next);
      if (user && user.locale !== next) {
        api
          .updateMe({ locale: next })
          .then((updated) => setUser(updated))
          .catch(() => {
            // the UI language still changes; the saved preference stays as it was
          });
      }
    },
    [user, switchLang],
  );

  const value = useMemo<AppState>(
    () => ({ lang, t: translator(catalogue, lang), setLang, user, startSession, updateUser: setUser, endSession }),
    [lang, catalogue, setLang, user, startSession, endSession],
  );
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}
