// A user who proved their password gets a browser session. The password is the authorisation, so the write runs as
// that user through runSystemWrite (no policy actor yet), audited like any other. Each sign-in is a new session.
import type { Database } from '../../../db/database.ts';
import { newSecret, sha256 } from '../../auth/secrets.ts';
import { runSystemWrite } from '../../write/run-write.ts';

export interface StartedSession { secret: string; csrfToken: string; expiresAt: Date }

export function startSession(db: Database, request: { id: string; ip: string }, user: { id: string; organisation_id: string }, ttlHours: number): Promise<StartedSession> {
  return runSystemWrite(db, { requestId: request.id, as: { userId: user.id, organisationId: user.organisation_id } }, async ({ trx, audit }) => {
    const secret = newSecret();
    const csrfToken = newSecret();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
    await trx.insertInto('session').values({ id_hash: sha256(secret), user_id: user.id, csrf_token: csrfToken, created_at: now, expires_at: expiresAt }).execute();
    await audit({ action: 'session:create', objectType: 'user', objectId: user.id, before: null, after: { expiresAt: expiresAt.toISOString(), ip: request.ip } });
    return { secret, csrfToken, expiresAt };
  });
}
