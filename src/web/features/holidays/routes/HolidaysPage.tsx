// /holidays: the year's public holidays — gazetted (data package) and administrator-added one-off days, marked — and,
// for an MSS administrator, the form to add a one-off holiday and a button to remove one still in the future. The
// server decides everything (what may be added, which deadlines move); the page shows and sends.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { LocalText } from '../../../shared/ui/text.tsx';
import { Field, Loading, ProblemAlert, splitFieldErrors, useTitle } from '../../../shared/ui/ui.tsx';
import { AUTONYMS, LANGS, type Lang } from '../../../i18n/index.ts';
import type { I18nText } from '../../../shared/types.ts';
import { formatDay, seoulToday } from '../../../shared/dates.ts';
import { holidaysApi, type HolidayYear } from '../api/client.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';
import { holidayName, isKnownHolidayName } from '../../../../domain/calendar/holiday-names.ts';

export function HolidaysPage() {
  const { t, lang, user } = useApp();
  const [year, setYear] = useState(() => Number(seoulToday().slice(0, 4)));
  const [data, setData] = useState<HolidayYear | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useTitle(t('hdTitle'));
  const admin = user?.organisation.kind === 'ministry' && user.role === 'admin';

  const load = useCallback(() => {
    setError(null);
    holidaysApi.year(year).then(setData, setError);
  }, [year]);
  useEffect(load, [load]);

  const remove = async (date: string) => {
    setNotice(null);
    try {
      const r = await holidaysApi.remove(date);
      setNotice(t('hdRemoved', { date: formatDay(date, lang) ?? date, count: r.moved.length }));
      load();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <h1 className="zl-page-title">{t('hdTitle')}</h1>
      <p className="zl-lead">{t('hdLead')}</p>
      <div className="zl-toolbar">
        <button type="button" className="krds-btn small secondary" onClick={() => setYear((y) => y - 1)} aria-label={t('hdPrevYear')}>‹</button>
        <label htmlFor="hd-year" className="sr-only">{t('hdYear')}</label>
        <input id="hd-year" type="number" className="krds-input zl-year-input" min={1900} max={2299} value={year}
          onChange={(e) => { const y = Number(e.target.value); if (Number.isInteger(y) && y >= 1900 && y <= 2299) setYear(y); }} />
        <button type="button" className="krds-btn small secondary" onClick={() => setYear((y) => y + 1)} aria-label={t('hdNextYear')}>›</button>
      </div>
      <div role="status" data-testid="holiday-notice">{notice ? <div className="zl-alert zl-alert-success"><p>{notice}</p></div> : null}</div>
      {error ? <ProblemAlert error={error} /> : null}
      {!data ? <Loading /> : (
        <section className="zl-section" aria-labelledby="hd-list-title">
          <h2 id="hd-list-title">{t('hdListCaption', { year: data.year })}</h2>
          {data.basis === 'rules' ? <p className="zl-alert zl-alert-info" data-testid="holiday-basis">{t('hdComputed', { year: data.year, gazetted: data.coverage.gazettedThrough, last: data.coverage.lastYear })}</p> : null}
          {data.provisional ? <p className="zl-alert zl-alert-warning">{t('hdProvisional', { year: data.year, first: data.coverage.firstYear, last: data.coverage.lastYear })}</p> : null}
          {data.items.length === 0 ? <p>{t('hdNone')}</p> : (
            <TableFrame>
              <table className="tbl col data zl-table zl-compact" data-testid="holiday-list">
                <caption className="sr-only">{t('hdListCaption', { year: data.year })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('hdColDate')}</th>
                    <th scope="col">{t('hdColName')}</th>
                    <th scope="col">{t('hdColSource')}</th>
                    <th scope="col">{t('hdColBasis')}</th>
                    {admin ? <th scope="col">{t('hdColActions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((h) => (
                    <tr key={h.date} data-testid={`holiday-${h.date}`} data-source={h.source}>
                      <th scope="row" className="zl-nowrap">{formatDay(h.date, lang)}</th>
                      <td>
                        {h.source === 'package' ? <HolidayNames names={h.names} /> : null}
                        {h.source === 'both' ? <><HolidayNames names={h.names.slice(0, -1)} />, </> : null}
                        {h.added ? <LocalText value={h.added.name} /> : null}
                      </td>
                      <td>
                        <span className={`krds-badge ${h.source === 'package' ? 'bg-light-gray' : 'bg-light-primary'}`}>
                          {t(h.source === 'package' ? 'hdSourcePackage' : h.source === 'added' ? 'hdSourceAdded' : 'hdSourceBoth')}
                        </span>
                      </td>
                      <td>{h.added?.basis ?? '—'}</td>
                      {admin ? (
                        <td>
                          {h.removable ? (
                            <button type="button" className="krds-btn small tertiary" aria-label={t('hdRemoveLabel', { date: formatDay(h.date, lang) ?? h.date })}
                              data-testid={`holiday-remove-${h.date}`} onClick={() => void remove(h.date)}>{t('hdRemove')}</button>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableFrame>
          )}
        </section>
      )}
      {admin ? <AddHoliday onAdded={(date, count) => {
        setNotice(t('hdAdded', { date: formatDay(date, lang) ?? date, count }));
        setYear(Number(date.slice(0, 4)));
        load();
      }} /> : user ? <p className="zl-muted">{t('hdOnlyAdmin')}</p> : null}
    </>
  );
}

const FIELDS = ['date', 'name.ko', 'name.en', 'name.ja', 'name.zh', 'name.fr', 'basis'] as const;

function AddHoliday({ onAdded }: { onAdded: (date: string, moved: number) => void }) {
  const { t } = useApp();
  const [date, setDate] = useState('');
  const [name, setName] = useState<Record<Lang, string>>({ ko: '', en: '', ja: '', zh: '', fr: '' });
  const [basis, setBasis] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { byField, unmatched } = splitFieldErrors(error, FIELDS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const text: I18nText = { ko: name.ko };
    for (const l of LANGS) if (l !== 'ko' && name[l].trim() !== '') text[l] = name[l];
    try {
      const r = await holidaysApi.add({ date, name: text, basis });
      onAdded(date, r.moved.length);
      setDate('');
      setName({ ko: '', en: '', ja: '', zh: '', fr: '' });
      setBasis('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="zl-section zl-card" aria-labelledby="hd-add-title">
      <h2 id="hd-add-title">{t('hdAddTitle')}</h2>
      <p className="form-hint">{t('hdAddHint')}</p>
      {error ? <ProblemAlert error={error} extra={unmatched} /> : null}
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="holiday-add">
        <Field id="hd-date" label={t('hdDate')} required error={byField['date']}>
          {(p) => <input {...p} type="date" className="krds-input" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        {LANGS.map((l) => (
          <Field key={l} id={`hd-name-${l}`} label={t('hdName', { language: AUTONYMS[l] })} required={l === 'ko'} error={byField[`name.${l}`]}>
            {(p) => <input {...p} lang={l} className="krds-input" maxLength={200} value={name[l]} onChange={(e) => setName({ ...name, [l]: e.target.value })} />}
          </Field>
        ))}
        <Field id="hd-basis" label={t('hdBasis')} required hint={t('hdBasisHint')} error={byField['basis']}>
          {(p) => <input {...p} className="krds-input" maxLength={300} value={basis} onChange={(e) => setBasis(e.target.value)} />}
        </Field>
        <button type="submit" className="krds-btn primary" disabled={busy}>{t('hdAddSubmit')}</button>
      </form>
    </section>
  );
}

/** The calendar's holiday names in the reader's language (Korean, marked so, only for a name not known in it). */
function HolidayNames({ names }: { names: readonly string[] }) {
  const { lang } = useApp();
  return (
    <>
      {names.map((n, i) => (
        <span key={i} lang={isKnownHolidayName(n) ? lang : 'ko'}>{i > 0 ? ', ' : ''}{holidayName(lang, n)}</span>
      ))}
    </>
  );
}
