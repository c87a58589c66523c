import { useApp } from '../shared/app-context.tsx';
import { Link } from '../shared/router.tsx';
import { useTitle } from '../shared/ui/ui.tsx';

export function NotFoundPage() {
  const { t } = useApp();
  useTitle(t('notFoundTitle'));
  return (
    <div className="zl-narrow">
      <h1 className="zl-page-title">{t('notFoundTitle')}</h1>
      <p>{t('notFoundText')}</p>
      <p>
        <Link href="/" className="krds-btn secondary medium">
          {t('backHome')}
        </Link>
      </p>
    </div>
  );
}
