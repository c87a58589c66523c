import { useEffect, useId, useRef, useState } from 'react';
import { useApp } from '../shared/app-context.tsx';
import { AUTONYMS, LANGS, type Lang } from '../i18n/index.ts';

/** KRDS language switcher (krds-drop-wrap krds-language), driven by React instead of krds.js. */
export function LanguageSwitcher() {
  const { lang, setLang, t } = useApp();
  const [open, setOpen] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const choose = (next: Lang) => {
    setOpen(false);
    setLang(next);
    buttonRef.current?.focus();
  };

  return (
    <div
      ref={wrapRef}
      className="krds-drop-wrap krds-language drop-right"
      onBlur={(event) => {
        if (open && !wrapRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={`krds-btn small text drop-btn${open ? ' active' : ''}`}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((v) => !v)}
        data-testid="language-switcher"
      >
        <i className="svg-icon ico-global" aria-hidden="true" />
        <span className="sr-only">{t('languageButton')}: </span>
        <span lang={lang}>{AUTONYMS[lang]}</span>
        <i className="svg-icon ico-toggle" aria-hidden="true" />
      </button>
      <div className="drop-menu" id={menuId} style={{ display: open ? 'block' : 'none' }}>
        <div className="drop-in">
          <ul className="drop-list">
            {LANGS.map((code) => (
              <li key={code}>
                <button
                  type="button"
                  className={`item-link${code === lang ? ' active' : ''}`}
                  lang={code}
                  aria-current={code === lang ? 'true' : undefined}
                  data-lang={code}
                  onClick={() => choose(code)}
                >
                  {AUTONYMS[code]}
                  {code === lang ? <span className="sr-only"> ({t('languageSelected')})</span> : null}
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
