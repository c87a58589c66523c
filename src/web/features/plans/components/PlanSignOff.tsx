// Participants, invitations (lead) and the joint sign-off bound to the content hash (Decree Art. 40(2)).
import { useState } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { Alert } from '../../../shared/ui/ui.tsx';
import { ActionOutcome, regionLabel, shortHash, usePlanAction } from './common.tsx';
import type { PlansClient } from '../api/client.ts';
import type { PlanView } from '../types.ts';
import type { Region } from '../../../shared/types.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';
import { STANDING_GOVERNMENTS } from '../../../../domain/zones/special-governments.ts';

export function SignOffPanel({ plan, client, regions, withdrawn, onPlan }: { plan: PlanView; client: PlansClient; regions: Region[]; withdrawn: string[]; onPlan: (p: PlanView) => void }) {
  const { t, lang, user } = useApp();
  const { busy, error, done, run } = usePlanAction(onPlan);
  const [invitee, setInvitee] = useState('');
  const own = user?.organisation.regionCode ?? null;
  const isLead = own === plan.leadRegion;
  const drafting = plan.state === 'drafting' || plan.state === 'signing_off';
  const ownSignOff = plan.participantDetails.find((p) => p.regionCode === own)?.signOff ?? null;
  const stale = plan.participantDetails.some((p) => p.signOff && !p.signOff.current);
  // Still unsigned after the change that withdrew their sign-off.
  const lost = withdrawn.filter((code) => !plan.participantDetails.find((p) => p.regionCode === code)?.signOff?.current);
  const participants = new Set(plan.participantDetails.map((p) => p.regionCode));
  // Metropolitan governments, then special local governments and integrated special cities (Decree Art. 40(2)).
  const candidates: { code: string; name: { ko: string; en: string } }[] = [
    ...regions.filter((r) => r.eligible && !participants.has(r.code)),
    ...STANDING_GOVERNMENTS.filter((g) => !participants.has(g.code)),
  ];
  const canSign = plan.actions.some((a) => a.action === 'sign_off');

  return (
    <section className="zl-section zl-card" aria-labelledby="plan-signoff-title" data-testid="plan-signoff">
      <h2 id="plan-signoff-title">{t('planSignOffTitle')}</h2>
      <p>
        {t('planCurrentVersion', { version: plan.contentVersion })} · <span className="zl-mono" title={plan.contentHash}>{shortHash(plan.contentHash)}</span>
      </p>
      <p className="zl-hint">{t('planSignOffRule')}</p>
      {stale || lost.length > 0 ? (
        <Alert kind="warning">
          <p data-testid="plan-signoffs-withdrawn">
            {t('planSignOffsWithdrawnByChange')}
            {lost.length > 0
              ? ` (${lost.map((code) => regionLabel(plan.participantDetails.find((p) => p.regionCode === code)?.name, code, lang)).join(', ')})`
              : null}
          </p>
        </Alert>
      ) : null}
      <TableFrame>
        <table className="tbl col data zl-table zl-compact">
          <caption className="sr-only">{t('planSignOffCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planGovernment')}</th>
              <th scope="col">{t('planRole')}</th>
              <th scope="col">{t('planSignOff')}</th>
              {isLead && drafting ? <th scope="col">{t('planManage')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {plan.participantDetails.map((p) => (
              <tr key={p.regionCode} data-region={p.regionCode}>
                <th scope="row">{regionLabel(p.name, p.regionCode, lang)}</th>
                <td>{t(p.role === 'lead' ? 'planRoleLead' : 'planRolePartner')}</td>
                <td data-testid={`signoff-${p.regionCode}`}>
                  {p.signOff ? (
                    <>
                      <span className={`krds-badge ${p.signOff.current ? 'bg-light-success' : 'bg-light-gray'}`}>
                        {p.signOff.current ? t('planSignedCurrent') : t('planSignedStale')}
                      </span>{' '}
                      {t('planSignedOn', { date: p.signOff.signedOn })} · <span className="zl-mono">{shortHash(p.signOff.contentHash)}</span>
                    </>
                  ) : (
                    t('planNotSigned')
                  )}
                </td>
                {isLead && drafting ? (
                  <td>
                    {p.role === 'partner' ? (
                      <button
                        type="button"
                        className="krds-btn small tertiary"
                        disabled={busy}
                        onClick={() => void run(() => client.removePartner(plan, p.regionCode), 'planPartnerRemoved')}
                      >
                        {t('planRemovePartner', { name: regionLabel(p.name, p.regionCode, lang) })}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      <div className="zl-actions">
        {canSign && plan.can.signOff ? (
          <button
            type="button"
            className="krds-btn primary medium"
            data-testid="plan-sign"
            disabled={busy || ownSignOff?.current === true}
            onClick={() => void run(() => client.signOff(plan), 'planSignedDone')}
          >
            {t('planSignThisVersion', { version: plan.contentVersion, hash: shortHash(plan.contentHash) })}
          </button>
        ) : null}
        {ownSignOff && drafting ? (
          <button type="button" className="krds-btn secondary medium" disabled={busy} onClick={() => void run(() => client.withdrawSignOff(plan), 'planSignOffWithdrawn')}>
            {t('planWithdrawSignOff')}
          </button>
        ) : null}
        {own && !isLead && participants.has(own) && drafting ? (
          <button type="button" className="krds-btn tertiary medium" disabled={busy} onClick={() => void run(() => client.removePartner(plan, own), 'planLeftPlan')}>
            {t('planLeave')}
          </button>
        ) : null}
      </div>
      {isLead && drafting && plan.model === 'connected' ? (
        <form
          className="zl-plan-inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (invitee) void run(() => client.invite(plan, invitee), 'planInvited').then((ok) => ok && setInvitee(''));
          }}
        >
          <label htmlFor="plan-invite">{t('planInvite')}</label>
          <select id="plan-invite" className="krds-form-select" value={invitee} onChange={(e) => setInvitee(e.target.value)}>
            <option value="">{t('planChooseRegion')}</option>
            {candidates.map((r) => (
              <option key={r.code} value={r.code}>
                {regionLabel(r.name, r.code, lang)}
              </option>
            ))}
          </select>
          <button type="submit" className="krds-btn secondary medium" disabled={busy || !invitee} data-testid="plan-invite-submit">
            {t('planInviteSubmit')}
          </button>
        </form>
      ) : null}
      <ActionOutcome error={error} done={done} />
    </section>
  );
}
