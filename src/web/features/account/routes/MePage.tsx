import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { AUTONYMS, LANGS, isLang, type Lang, type MessageKey } from '../../../i18n/index.ts';
import { Link, navigate } from '../../../shared/router.tsx';
import type { ApiTokenItem, Me, NotificationItem, OrganisationKind, Region, TokenScope } from '../../../shared/types.ts';
import { refreshUnread, setUnread } from '../../notifications/index.ts';
import { Alert, Field, Loading, ProblemAlert, splitFieldErrors, useTitle } from '../../../shared/ui/ui.tsx';
import { DateTime, LocalText, RegionNameText } from '../../../shared/ui/text.tsx';
import { formatDate } from '../../../shared/dates.ts';
import { DeadlinesSection } from '../../deadlines/index.ts';
import { AsyncTable } from '../../../shared/ui/AsyncTable.tsx';

export const KIND_KEYS: Record<OrganisationKind, MessageKey> = {
  ministry: 'kindMinistry',
  local_government: 'kindLocalGovernment',
  company: 'kindCompany',
  expert: 'kindExpert',
  responsible_ministry: 'kindResponsibleMinistry',
};

export function MePage() {
  const { t, user } = useApp();
  useTitle(t('meTitle'));

  useEffect(() => {
    if (user === null) navigate(`/login?next=${encodeURIComponent('/me')}`, { replace: true });
  }, [user]);

  if (!user) return <Loading />;
  return (
    <>
      <h1 className="zl-page-title">{t('meTitle')}</h1>
      <div className="zl-me-grid">
        <ProfileSection user={user} />
        <OrganisationSection user={user} />
      </div>
      {user.organisation.kind !== 'expert' ? <DeadlinesSection /> : null}
      <NotificationsSection />
      <TokensSection />
    </>
  );
}

function ProfileSection({ user }: { user: Me }) {
  const { t, updateUser, setLang, lang } = useApp();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [locale, setLocale] = useState<Lang>(user.locale);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  // Follow language changes made with the header switcher.
  useEffect(() => setLocale(user.locale), [user.locale]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setMissing(displayName.trim() === '');
    if (displayName.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      const updated = await api.updateMe({ displayName: displayName.trim(), locale });
      updateUser(updated);
      if (updated.locale !== lang && isLang(updated.locale)) setLang(updated.locale);
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const { byField, unmatched } = splitFieldErrors(error, ['displayName', 'locale']);

  return (
    <section className="zl-section zl-card" aria-labelledby="me-profile">
      <h2 id="me-profile">{t('meProfile')}</h2>
      <dl className="zl-dl">
        <dt>{t('meEmail')}</dt>
        <dd data-testid="me-email">{user.email}</dd>
        <dt>{t('meRole')}</dt>
        <dd>{user.role === 'admin' ? t('roleAdmin') : t('roleMember')}</dd>
      </dl>
      <form className="zl-form" onSubmit={submit} noValidate>
        {error ? <ProblemAlert error={error} extra={unmatched} /> : null}
        {saved ? (
          <Alert kind="success">
            <p>{t('meSaved')}</p>
          </Alert>
        ) : null}
        <Field
          id="me-display-name"
          label={t('meDisplayName')}
          required
          error={missing ? t('fieldRequired') : byField.displayName}
        >
          {(aria) => (
            <input
              {...aria}
              className="krds-input"
              type="text"
              autoComplete="name"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </Field>
        <Field id="me-locale" label={t('meLocale')} error={byField.locale}>
          {(aria) => (
            <select
              {...aria}
              className="krds-form-select completed"
              value={locale}
              onChange={(e) => isLang(e.target.value) && setLocale(e.target.value)}
            >
              {LANGS.map((code) => (
                <option key={code} value={code} lang={code}>
                  {AUTONYMS[code]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="zl-actions">
          <button type="submit" className="krds-btn primary medium" disabled={busy}>
            {t('meSave')}
          </button>
        </div>
      </form>
    </section>
  );
}

function OrganisationSection({ user }: { user: Me }) {
  const { t } = useApp();
  const org = user.organisation;
  const [region, setRegion] = useState<Region | null>(null);
  useEffect(() => {
    if (!org.regionCode) return;
    let live = true;
    api
      .getRegion(org.regionCode)
      .then((d) => live && setRegion(d.region))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [org.regionCode]);
  return (
    <section className="zl-section zl-card" aria-labelledby="me-organisation">
      <h2 id="me-organisation">{t('meOrganisation')}</h2>
      <dl className="zl-dl">
        <dt>{t('orgName')}</dt>
        <dd data-testid="org-name">
          <LocalText value={org.name} />
        </dd>
        <dt>{t('orgKind')}</dt>
        <dd>{t(KIND_KEYS[org.kind] ?? 'kindCompany')}</dd>
        <dt>{t('orgRegion')}</dt>
        <dd>
          {org.regionCode ? (
            <Link href={`/regions/${org.regionCode}`} className="zl-link">
              {region ? <RegionNameText region={region} /> : org.regionCode}
            </Link>
          ) : (
            t('orgNoRegion')
          )}
        </dd>
      </dl>
    </section>
  );
}

function TokensSection() {
  const { t, lang } = useApp();
  const [items, setItems] = useState<ApiTokenItem[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [missing, setMissing] = useState<{ name?: boolean; scopes?: boolean }>({});
  const [createError, setCreateError] = useState<unknown>(null);
  const [created, setCreated] = useState<{ token: string; item: ApiTokenItem } | null>(null);
  const [copied, setCopied] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .listTokens()
      .then((res) => live && setItems(res.items))
      .catch((err: unknown) => live && setLoadError(err));
    return () => {
      live = false;
    };
  }, []);

  const toggleScope = (scope: TokenScope, on: boolean) =>
    setScopes((current) => (on ? [...new Set([...current, scope])] : current.filter((s) => s !== scope)));

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const nowMissing = { name: name.trim() === '', scopes: scopes.length === 0 };
    setMissing(nowMissing);
    if (nowMissing.name || nowMissing.scopes) return;
    setBusy(true);
    setCreateError(null);
    setNotice(null);
    setCopied(false);
    try {
      const result = await api.createToken(name.trim(), (['read', 'write'] as const).filter((s) => scopes.includes(s)));
      setCreated(result);
      setItems((current) => [result.item, ...(current ?? [])]);
      setName('');
    } catch (err) {
      setCreateError(err);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (item: ApiTokenItem) => {
    if (!window.confirm(t('tokenRevokeConfirm', { name: item.name }))) return;
    setActionError(null);
    setNotice(null);
    try {
      await api.revokeToken(item.id);
      const now = new Date().toISOString();
      setItems((current) => (current ?? []).map((i) => (i.id === item.id ? { ...i, revokedAt: i.revokedAt ?? now } : i)));
      if (created?.item.id === item.id) setCreated(null);
      setNotice(t('tokenRevoked', { name: item.name }));
      // Refresh from the server to show its own revocation time.
      api
        .listTokens()
        .then((res) => setItems(res.items))
        .catch(() => undefined);
    } catch (err) {
      setActionError(err);
    }
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      document.getElementById('token-value')?.focus();
    }
  };

  const { byField, unmatched } = splitFieldErrors(createError, ['name', 'scopes']);

  return (
    <section className="zl-section" aria-labelledby="me-tokens">
      <h2 id="me-tokens">{t('tokensTitle')}</h2>
      <p>{t('tokensLead')}</p>

      <form className="zl-form zl-card" onSubmit={create} noValidate aria-labelledby="token-create-title">
        <h3 id="token-create-title">{t('tokenCreateTitle')}</h3>
        {createError ? <ProblemAlert error={createError} extra={unmatched} /> : null}
        <Field
          id="token-name"
          label={t('tokenName')}
          required
          hint={t('tokenNameHint')}
          error={missing.name ? t('fieldRequired') : byField.name}
        >
          {(aria) => (
            <input
              {...aria}
              className="krds-input"
              type="text"
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <fieldset
          className="zl-fieldset zl-scopes"
          aria-describedby={missing.scopes || byField.scopes ? 'token-scopes-error' : undefined}
        >
          <legend>
            {t('tokenScopes')} <span className="zl-required">({t('required')})</span>
          </legend>
          <div className="krds-check-area">
            {(['read', 'write'] as const).map((scope) => (
              <div className="krds-form-check" key={scope}>
                <input
                  type="checkbox"
                  id={`token-scope-${scope}`}
                  checked={scopes.includes(scope)}
                  onChange={(e) => toggleScope(scope, e.target.checked)}
                />
                <label htmlFor={`token-scope-${scope}`}>{scope === 'read' ? t('scopeRead') : t('scopeWrite')}</label>
              </div>
            ))}
          </div>
          {missing.scopes || byField.scopes ? (
            <p className="form-hint-invalid" id="token-scopes-error">
              {missing.scopes ? t('tokenScopeRequired') : byField.scopes}
            </p>
          ) : null}
        </fieldset>
        <div className="zl-actions">
          <button type="submit" className="krds-btn primary medium" disabled={busy}>
            {t('tokenCreate')}
          </button>
        </div>
      </form>

      {created ? (
        <div className="zl-alert zl-alert-success zl-token-created" role="status" data-testid="token-created">
          <p className="zl-alert-title">{t('tokenCreatedTitle')}</p>
          <p>{t('tokenCreatedNotice')}</p>
          <div className="zl-token-row">
            <label htmlFor="token-value" className="sr-only">
              {t('tokenValue')}
            </label>
            <input
              id="token-value"
              className="krds-input zl-token-value"
              type="text"
              readOnly
              value={created.token}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" className="krds-btn secondary medium" onClick={copy}>
              {t('tokenCopy')}
            </button>
          </div>
          {copied ? <p>{t('tokenCopied')}</p> : null}
        </div>
      ) : null}

      <h3 className="zl-subheading">{t('tokenListTitle')}</h3>
      {notice ? (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      {actionError ? <ProblemAlert error={actionError} /> : null}
      <AsyncTable
        rows={items}
        error={loadError}
        empty={t('tokensEmpty')}
        caption={t('tokenListCaption')}
        testId="tokens"
        head={
          <>
            <th scope="col">{t('tokenName')}</th>
            <th scope="col">{t('tokenScopes')}</th>
            <th scope="col">{t('tokenCreatedAt')}</th>
            <th scope="col">{t('tokenLastUsed')}</th>
            <th scope="col">{t('tokenStatus')}</th>
            <th scope="col">{t('tokenActions')}</th>
          </>
        }
        row={(item) => (
          <tr key={item.id}>
            <th scope="row">{item.name}</th>
            <td>{item.scopes.map((s) => (s === 'read' ? t('scopeRead') : t('scopeWrite'))).join(', ')}</td>
            <td>
              <DateTime iso={item.createdAt} />
            </td>
            <td>{item.lastUsedAt ? <DateTime iso={item.lastUsedAt} /> : t('tokenNeverUsed')}</td>
            <td>
              {item.revokedAt ? (
                <span className="krds-badge bg-light-gray">
                  {t('tokenRevokedAt', { date: formatDate(item.revokedAt, lang) })}
                </span>
              ) : (
                <span className="krds-badge bg-light-success">{t('tokenActive')}</span>
              )}
            </td>
            <td>
              {item.revokedAt ? null : (
                <button
                  type="button"
                  className="krds-btn small tertiary"
                  aria-label={t('tokenRevokeLabel', { name: item.name })}
                  onClick={() => revoke(item)}
                >
                  {t('tokenRevoke')}
                </button>
              )}
            </td>
          </tr>
        )}
      />
    </section>
  );
}

/** Internal links stay in the app; anything else is shown as given. */
function isInternal(link: string): boolean {
  return link.startsWith('/') && !link.startsWith('//');
}

function NotificationsSection() {
  const { t, lang } = useApp();
  const [items, setItems] = useState<NotificationItem[] | null>(null);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    api
      .listNotifications({ unread: unreadOnly, limit: 50 })
      .then((res) => {
        if (!live) return;
        setItems(res.items);
        setUnread(res.unread);
      })
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [unreadOnly, version]);

  // The header bell links here.
  useEffect(() => {
    if (items && window.location.hash === '#notifications') {
      document.getElementById('notifications')?.scrollIntoView();
    }
  }, [items]);

  const markRead = async (item: NotificationItem) => {
    setActionError(null);
    setNotice(null);
    try {
      await api.markNotificationRead(item.id);
      const now = new Date().toISOString();
      setItems((current) =>
        (current ?? [])
          .map((i) => (i.id === item.id ? { ...i, readAt: i.readAt ?? now } : i))
          .filter((i) => !unreadOnly || i.readAt === null),
      );
      setNotice(t('notificationMarked', { title: item.title }));
      void refreshUnread();
    } catch (err) {
      setActionError(err);
    }
  };

  const unreadCount = (items ?? []).filter((i) => i.readAt === null).length;

  return (
    <section className="zl-section" id="notifications" tabIndex={-1} aria-labelledby="me-notifications" data-testid="notifications">
      <div className="zl-title-row">
        <h2 id="me-notifications">{t('notificationsTitle')}</h2>
      </div>
      <div className="krds-form-check zl-unread-toggle">
        <input
          type="checkbox"
          id="notifications-unread-only"
          checked={unreadOnly}
          onChange={(e) => setUnreadOnly(e.target.checked)}
        />
        <label htmlFor="notifications-unread-only">{t('notificationsUnreadOnly')}</label>
      </div>
      {notice ? (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      {actionError ? <ProblemAlert error={actionError} /> : null}
      {error ? (
        <ProblemAlert error={error} />
      ) : !items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p>{unreadOnly ? t('notificationsNoneUnread') : t('notificationsNone')}</p>
      ) : (
        <>
          <p className="zl-hint">{t('notificationsCount', { count: items.length, unread: unreadCount })}</p>
          <ul className="zl-inbox">
            {items.map((item) => (
              <li
                key={item.id}
                className={`zl-inbox-item${item.readAt ? '' : ' is-unread'}`}
                data-testid="notification"
                data-read={item.readAt ? 'true' : 'false'}
              >
                <div className="zl-inbox-head">
                  {item.readAt ? null : <span className="krds-badge bg-light-primary">{t('notificationUnread')}</span>}
                  <h3 className="zl-inbox-title">
                    {item.link && isInternal(item.link) ? (
                      <Link href={item.link} className="zl-link">
                        {item.title}
                      </Link>
                    ) : (
                      item.title
                    )}
                  </h3>
                </div>
                <p className="zl-inbox-body">{item.body}</p>
                <p className="zl-inbox-meta">
                  <DateTime iso={item.createdAt} />
                  {item.readAt ? (
                    <span>
                      {' · '}
                      {t('notificationReadAt', { date: formatDate(item.readAt, lang) })}
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="krds-btn small tertiary"
                      onClick={() => markRead(item)}
                      data-testid="notification-mark-read"
                    >
                      {t('notificationMarkRead')}
                      <span className="sr-only">: {item.title}</span>
                    </button>
                  )}
                </p>
              </li>
            ))}
          </ul>
          <p>
            <button type="button" className="krds-btn small secondary" onClick={() => setVersion((v) => v + 1)}>
              <i className="svg-icon ico-refresh" aria-hidden="true" /> {t('notificationsRefresh')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
