import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { Link, navigate, safeNext, useLocation } from '../router.tsx';
import { Alert, Field, ProblemAlert, splitFieldErrors, useTitle } from '../components/ui.tsx';

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
    <div className="zl-narrow">
      <h1 className="zl-page-title">{t('loginTitle')}</h1>
      {user ? (
        <Alert kind="info">
          <p>
            {t('loginAlready', { name: user.displayName })} <Link href="/me">{t('navMe')}</Link>
          </p>
        </Alert>
      ) : (
        <>
          {next ? <Alert kind="info"><p>{t('loginRequired')}</p></Alert> : null}
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
        </>
      )}
    </div>
  );
}
