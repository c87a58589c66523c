import { useState, type FormEvent } from 'react';
import { api } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { AUTONYMS, LANGS, type Lang } from '../../../i18n/index.ts';
import type { I18nText, RegionProfile } from '../../../shared/types.ts';
import { Alert, Field, ProblemAlert, splitFieldErrors } from '../../../shared/ui/ui.tsx';

type PerLang = Record<Lang, string>;

function fromI18n(text: I18nText | undefined): PerLang {
  return { ko: text?.ko ?? '', en: text?.en ?? '', ja: text?.ja ?? '', zh: text?.zh ?? '', fr: text?.fr ?? '' };
}

function toI18n(values: PerLang): I18nText {
  const text: I18nText = { ko: values.ko.trim() };
  for (const lang of LANGS) {
    if (lang === 'ko') continue;
    const value = values[lang].trim();
    if (value) text[lang] = value;
  }
  return text;
}

const FIELDS = [
  ...LANGS.map((l) => `teamName.${l}`),
  'contactEmail',
  'phone',
  ...LANGS.map((l) => `introduction.${l}`),
] as const;

interface Props {
  code: string;
  profile: RegionProfile | null;
  onSaved: (profile: RegionProfile) => void;
}

/** Edits the regional promotion team (shown only when the API says canEdit). */
export function ProfileForm({ code, profile, onSaved }: Props) {
  const { t } = useApp();
  const [teamName, setTeamName] = useState<PerLang>(() => fromI18n(profile?.teamName));
  const [introduction, setIntroduction] = useState<PerLang>(() => fromI18n(profile?.introduction));
  const [contactEmail, setContactEmail] = useState(profile?.contactEmail ?? '');
  const [phone, setPhone] = useState(profile?.phone ?? '');
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const nowMissing: Record<string, boolean> = {
      'teamName.ko': teamName.ko.trim() === '',
      contactEmail: contactEmail.trim() === '',
      'introduction.ko': introduction.ko.trim() === '',
    };
    setMissing(nowMissing);
    setSaved(false);
    if (Object.values(nowMissing).some(Boolean)) {
      const first = Object.keys(nowMissing).find((k) => nowMissing[k]);
      if (first) document.getElementById(fieldId(first))?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await api.saveProfile(code, {
        teamName: toI18n(teamName),
        contactEmail: contactEmail.trim(),
        phone: phone.trim() === '' ? null : phone.trim(),
        introduction: toI18n(introduction),
      });
      setBusy(false);
      onSaved(result);
      setSaved(true);
    } catch (err) {
      setBusy(false);
      setError(err);
    }
  };

  const { byField, unmatched } = splitFieldErrors(error, FIELDS, {
    teamName: 'teamName.ko',
    introduction: 'introduction.ko',
    email: 'contactEmail',
  });
  const fieldError = (key: string) => (missing[key] ? t('fieldRequired') : byField[key]);

  return (
    <form className="zl-form zl-profile-form" onSubmit={submit} noValidate aria-labelledby="profile-form-title">
      <h3 id="profile-form-title">{t('profileEditTitle')}</h3>
      <p className="zl-hint">{t('profileEditLead')}</p>
      {error ? <ProblemAlert error={error} extra={unmatched} /> : null}
      {saved ? (
        <Alert kind="success">
          <p>{t('profileSaved')}</p>
        </Alert>
      ) : null}

      <fieldset className="zl-fieldset">
        <legend>{t('profileTeamName')}</legend>
        <div className="zl-lang-grid">
          {LANGS.map((lang) => (
            <Field
              key={lang}
              id={fieldId(`teamName.${lang}`)}
              label={<LangLabel field={t('profileTeamName')} lang={lang} />}
              required={lang === 'ko'}
              error={fieldError(`teamName.${lang}`)}
            >
              {(aria) => (
                <input
                  {...aria}
                  className="krds-input"
                  type="text"
                  lang={lang}
                  value={teamName[lang]}
                  onChange={(e) => setTeamName({ ...teamName, [lang]: e.target.value })}
                />
              )}
            </Field>
          ))}
        </div>
      </fieldset>

      <div className="zl-two-col">
        <Field id={fieldId('contactEmail')} label={t('profileEmail')} required error={fieldError('contactEmail')}>
          {(aria) => (
            <input
              {...aria}
              className="krds-input"
              type="email"
              autoComplete="email"
              value={contactEmail}
              onChange={(e) => setContactEmail(e.target.value)}
            />
          )}
        </Field>
        <Field
          id={fieldId('phone')}
          label={
            <>
              {t('profilePhone')} <span className="zl-optional">({t('optional')})</span>
            </>
          }
          hint={t('profilePhoneHint')}
          error={fieldError('phone')}
        >
          {(aria) => (
            <input
              {...aria}
              className="krds-input"
              type="tel"
              autoComplete="tel"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
            />
          )}
        </Field>
      </div>

      <fieldset className="zl-fieldset">
        <legend>{t('profileIntro')}</legend>
        {LANGS.map((lang) => (
          <Field
            key={lang}
            id={fieldId(`introduction.${lang}`)}
            label={<LangLabel field={t('profileIntro')} lang={lang} />}
            required={lang === 'ko'}
            error={fieldError(`introduction.${lang}`)}
          >
            {(aria) => (
              <textarea
                {...aria}
                className="krds-input zl-textarea"
                lang={lang}
                rows={lang === 'ko' ? 5 : 3}
                value={introduction[lang]}
                onChange={(e) => setIntroduction({ ...introduction, [lang]: e.target.value })}
              />
            )}
          </Field>
        ))}
      </fieldset>

      <div className="zl-actions">
        <button type="submit" className="krds-btn primary large" disabled={busy} data-testid="profile-save">
          {busy ? t('profileSaving') : t('profileSave')}
        </button>
      </div>
    </form>
  );
}

function fieldId(path: string): string {
  return `profile-${path.replace('.', '-')}`;
}

function LangLabel({ field, lang }: { field: string; lang: Lang }) {
  return (
    <>
      <span className="sr-only">{field}: </span>
      <span lang={lang}>{AUTONYMS[lang]}</span>
    </>
  );
}
