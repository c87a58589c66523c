// One provision of the regulation catalogue (/regulations/:id): law, article, ministry, text, amendments, and a link
// where to search for its precedents.
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { DemoBadge, Loading, ProblemAlert, useTitle } from '../../../shared/ui/ui.tsx';
import { LocalText, RefText, refTextString } from '../../../shared/ui/text.tsx';
import { regulationQuery } from '../api/queries.ts';
import { Link } from '../../../shared/router.tsx';
import { articleText } from '../components/article-text.ts';
import { Day } from '../../../shared/ui/text.tsx';

const INSTRUMENT_KEYS = { act: 'exInstrumentAct', decree: 'exInstrumentDecree', rule: 'exInstrumentRule', notice: 'exInstrumentNotice' } as const;

export function RegulationPage({ id }: { id: string }) {
  const { t, lang } = useApp();
  const { data: r, error } = useQuery(regulationQuery(id));
  useTitle(r ? refTextString(r.title, lang) : error ? t('exRegNotFound') : null);
  if (error) {
    const notFound = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <>
        <h1 className="zl-page-title">{notFound ? t('exRegNotFound') : t('errorGeneric')}</h1>
        <ProblemAlert error={error} />
      </>
    );
  }
  if (!r) return <Loading />;
  return (
    <>
      <p><Link href={`/search?q=${encodeURIComponent(r.title.ko)}`} className="zl-link">{t('exSearchTitle')}</Link></p>
      <div className="zl-title-row">
        <h1 className="zl-page-title" data-testid="regulation-title"><RefText value={r.title} /></h1>
        {r.demo ? <DemoBadge /> : null}
      </div>
      <dl className="zl-dl">
        <dt>{t('exLaw')}</dt>
        <dd><RefText value={r.law} /> {articleText(r.article, r.paragraph, t)}</dd>
        <dt>{t('exInstrument')}</dt>
        <dd>{r.instrument in INSTRUMENT_KEYS ? t(INSTRUMENT_KEYS[r.instrument as keyof typeof INSTRUMENT_KEYS]) : r.instrument}</dd>
        <dt>{t('exMinistry')}</dt>
        <dd><RefText value={r.ministryName} /> ({r.ministry})</dd>
        <dt>{t('exEffectiveFrom')}</dt>
        <dd><Day iso={r.effectiveFrom} /></dd>
      </dl>
      <section className="zl-section" aria-labelledby="reg-body">
        <h2 id="reg-body">{t('exRegBody')}</h2>
        <LocalText value={r.body} block />
      </section>
      <section className="zl-section" aria-labelledby="reg-amendments">
        <h2 id="reg-amendments">{t('exAmendments')}</h2>
        {r.amendments.length === 0 ? <p>{t('exNoAmendments')}</p> : (
          <ul className="zl-bullets" data-testid="regulation-amendments">
            {r.amendments.map((a, i) => (
              <li key={i}>
                <Day iso={a.date} /> — {a.act}{a.note ? <> (<LocalText value={a.note} />)</> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {r.demo ? <p className="zl-fallback-note">{t('demoNotice')}</p> : null}
    </>
  );
}
