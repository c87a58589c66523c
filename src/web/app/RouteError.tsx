import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useApp } from '../shared/app-context.tsx';
import { NotFoundPage } from './NotFound.tsx';
import { Link } from '../shared/router.tsx';
import { Alert, useTitle } from '../shared/ui/ui.tsx';

/**
 * The error boundary of every route: a page that throws while rendering, or whose code cannot be fetched (a
 * deployment replaced it, the network dropped), is replaced by this panel in the reader's language; the header,
 * the footer and every other route keep working.
 */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return <RouteErrorPanel />;
}

function RouteErrorPanel() {
  const { t } = useApp();
  useTitle(t('routeErrorTitle'));
  return (
    <div className="zl-narrow" data-testid="route-error">
      <h1 className="zl-page-title">{t('routeErrorTitle')}</h1>
      <Alert kind="error">
        <p>{t('routeErrorText')}</p>
      </Alert>
      <p className="zl-actions">
        <button type="button" className="krds-btn primary medium" onClick={() => window.location.reload()}>
          {t('routeErrorReload')}
        </button>
        <Link href="/" className="krds-btn secondary medium">
          {t('backHome')}
        </Link>
      </p>
    </div>
  );
}
