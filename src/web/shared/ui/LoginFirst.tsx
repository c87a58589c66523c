import { useApp } from '../app-context.tsx';
import { Link } from '../router.tsx';
import { Alert } from './ui.tsx';

/** For pages that need a session: says so, with a link back here after signing in. */
export function LoginFirst() {
  const { t } = useApp();
  return (
    <Alert kind="info">
      <p>{t('loginRequired')}</p>
      <p>
        <Link href={`/login?next=${encodeURIComponent(window.location.pathname)}`} className="krds-btn primary medium">
          {t('navLogin')}
        </Link>
      </p>
    </Alert>
  );
}
