import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../../shared/api.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import type { About } from '../../../shared/types.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { Link, navigate, safeNext, useLocation } from '../../../shared/router.tsx';
import { Alert, Field, ProblemAlert, splitFieldErrors, useTitle } from '../../../shared/ui/ui.tsx';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';

export function LoginPage() {
  const { t, user, startSession } = useApp();
  const { search } = useLocation();
  const next = safeNext(search.get('next'));
  useTitle(t('loginTitle'));

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const [about, setAbout] = useState<About | null>(null);
  useEffect(() => {
    let live = true;
    api
      .about()
      .then((a) => live && setAbout(a))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const fillDemo = (demoEmail: string) => {
    setEmail(demoEmail);
    if (about?.demoPassword) setPassword(about.demoPassword);
    setMissing({});
    document.getElementById('login-email')?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const nowMissing = { email: email.trim() === '', password: password === '' };
    setMissing(nowMissing);
    if (nowMissing.email || nowMissing.password) return;
    setBusy(true);
    setError(null);
    try {
      const session = await api.login(email.trim(), password);
      startSession(session);
      navigate(next ?? '/me', { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const { byField, unmatched } = splitFieldErrors(error, ['email', 'password']);

  return (
    <div className={about?.demo && !user ? 'zl-login-layout' : 'zl-narrow'}>
      <h1 className="zl-page-title">{t('loginTitle')}</h1>
      {user ? (
        <Alert kind="info">
          <p>
            {t('loginAlready', { name: user.displayName })} <Link href="/me">{t('navMe')}</Link>
          </p>
        </Alert>
      ) : (
        <>
          <div className="zl-login-main">
            {next ? (
              <Alert kind="info">
                <p>{t('loginRequired')}</p>
              </Alert>
            ) : null}
            {error ? <ProblemAlert error={error} extra={unmatched} /> : null}
            <form className="zl-form fieldset" onSubmit={submit} noValidate>
              <Field
                id="login-email"
                label={t('loginEmail')}
                required
                error={missing.email ? t('fieldRequired') : byField.email}
              >
                {(aria) => (
                  <input
                    {...aria}
                    className="krds-input"
                    type="email"
                    name="email"
                    autoComplete="username"
                    value={email}
                    onChange={(e) => setEmail(e.target.value)}
                  />
                )}
              </Field>
              <Field
                id="login-password"
                label={t('loginPassword')}
                required
                error={missing.password ? t('fieldRequired') : byField.password}
              >
                {(aria) => (
                  <input
                    {...aria}
                    className="krds-input"
                    type="password"
                    name="password"
                    autoComplete="current-password"
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                  />
                )}
              </Field>
              <div className="zl-actions">
                <button type="submit" className="krds-btn primary large" disabled={busy}>
                  {busy ? t('loginSubmitting') : t('loginSubmit')}
                </button>
              </div>
            </form>
          </div>
          {about?.demo && about.demoLogins.length > 0 ? (
            <DemoLogins about={about} onUse={fillDemo} />
          ) : null}
        </>
      )}
    </div>
  );
}

const ORG_KIND_KEYS: Record<string, MessageKey> = {
  ministry: 'kindMinistry',
  local_government: 'kindLocalGovernment',
  company: 'kindCompany',
  expert: 'kindExpert',
  responsible_ministry: 'kindResponsibleMinistry',
};

function DemoLogins({ about, onUse }: { about: About; onUse: (email: string) => void }) {
  const { t } = useApp();
  return (
    <section className="zl-section zl-card zl-demo-logins" aria-labelledby="demo-logins-title" data-testid="demo-logins">
      <div className="zl-title-row">
        <h2 id="demo-logins-title">{t('demoLoginsTitle')}</h2>
        <span className="krds-badge bg-light-warning zl-demo-badge">{t('demoBadge')}</span>
      </div>
      <p>{t('demoLoginsLead')}</p>
      {about.demoPassword ? (
        <p>
          {t('demoLoginsPassword')} <code className="zl-mono">{about.demoPassword}</code>
        </p>
      ) : null}
      <TableFrame>
        <table className="tbl col data zl-table zl-compact">
          <caption className="sr-only">{t('demoLoginsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('loginEmail')}</th>
              <th scope="col">{t('orgKind')}</th>
              <th scope="col">{t('tokenActions')}</th>
            </tr>
          </thead>
          <tbody>
            {about.demoLogins.map((login) => {
              const kindKey = ORG_KIND_KEYS[login.organisationKind];
              return (
                <tr key={login.email}>
                  <th scope="row">
                    <code className="zl-mono">{login.email}</code>
                  </th>
                  <td>{kindKey ? t(kindKey) : login.organisationKind}</td>
                  <td>
                    <button type="button" className="krds-btn small secondary" onClick={() => onUse(login.email)}>
                      {t('demoLoginsUse')}
                      <span className="sr-only"> ({login.email})</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableFrame>
    </section>
  );
}
