import { useApp } from '../../../shared/app-context.tsx';
import { Link } from '../../../shared/router.tsx';
import { useTitle } from '../../../shared/ui/ui.tsx';

export function HomePage() {
  const { t, user, lang } = useApp();
  useTitle(null);
  const who = [
    t('whoMinistry'),
    t('whoLocal'),
    t('whoCompany'),
    t('whoExpert'),
    t('whoResponsible'),
    t('whoPublic'),
  ];
  return (
    <>
      <section className="zl-hero">
        <h1 className="zl-page-title">{t('homeTitle')}</h1>
        <p className="zl-lead">{t('homeLead')}</p>
        <p>
          <Link href="/regions" className="krds-btn primary large">
            {t('homeRegionsLink')}
            <i className="svg-icon ico-angle right" aria-hidden="true" />
          </Link>
        </p>
      </section>

      <div className="zl-cards">
        <section className="zl-card" aria-labelledby="home-zone">
          <h2 id="home-zone">{t('homeZoneTitle')}</h2>
          {lang === 'ko' ? null : (
            <p lang="ko" className="zl-term">
              규제자유특구
            </p>
          )}
          <p>{t('homeZoneText')}</p>
        </section>
        <section className="zl-card" aria-labelledby="home-connected">
          <h2 id="home-connected">{t('homeConnectedTitle')}</h2>
          {lang === 'ko' ? null : (
            <p lang="ko" className="zl-term">
              광역 연계형 특구
            </p>
          )}
          <p>{t('homeConnectedText')}</p>
        </section>
        <section className="zl-card" aria-labelledby="home-eligible">
          <h2 id="home-eligible">{t('homeEligibilityTitle')}</h2>
          <p>{t('homeEligibilityText')}</p>
          <p>
            <Link href="/regions" className="zl-link">
              {t('homeRegionsLink')}
            </Link>
          </p>
        </section>
      </div>

      <section className="zl-section" aria-labelledby="home-who">
        <h2 id="home-who">{t('homeWhoTitle')}</h2>
        <ul className="zl-bullets">
          {who.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {user ? null : (
          <p>
            {t('homeLoginPrompt')}{' '}
            <Link href="/login" className="zl-link">
              {t('navLogin')}
            </Link>
          </p>
        )}
      </section>
    </>
  );
}
