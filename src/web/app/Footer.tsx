import { useApp } from '../shared/app-context.tsx';

export function Footer() {
  const { t } = useApp();
  return (
    <footer id="krds-footer" className="zl-footer">
      <div className="inner">
        <div className="zl-footer-cnt">
          <div className="zl-footer-info">
            <p className="zl-footer-name">{t('appName')}</p>
            <p>{t('footerAbout')}</p>
          </div>
          <nav aria-label={t('footerLinks')} className="zl-footer-links">
            <ul>
              <li>
                <a href="/api/docs" className="krds-btn medium text">
                  {t('footerApiDocs')}
                </a>
              </li>
            </ul>
          </nav>
        </div>
        <div className="zl-footer-btm">
          <p className="zl-attribution" data-testid="attribution">
            {t('footerAttribution')}
          </p>
        </div>
      </div>
    </footer>
  );
}
