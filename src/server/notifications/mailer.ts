// Delivers the e-mail outbox over SMTP. Every node runs a mailer; each mail is leased (claimed with
// `FOR UPDATE SKIP LOCKED`, decision record 0030) by the one node that sends it, so two nodes never send a mail
// twice. A row is marked sent right after the server accepts it; failures are retried with back-off and given up
// after MAX_ATTEMPTS. A node that dies between the SMTP server's acceptance and the mark leaves the lease to lapse,
// and the mail is sent again then (at least once, never twice while nodes live). Without SMTP_URL nothing is sent
// (the outbox keeps the mails and the in-app notifications still show).
import nodemailer from 'nodemailer';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { EmailOutboxTable } from '../../db/schema.ts';
import type { Selectable } from 'kysely';
import { NODE_ID } from '../jobs/scheduled-jobs.ts';
import { mailText } from './mail-text.ts';

const MAX_ATTEMPTS = 5;
/** A mail's lease: well beyond the transport's timeouts below, so a live sender never loses it mid-send. */
const LEASE_SECONDS = 300;
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

export interface Mailer {
  /** Sends what is due now; returns how many this node sent. */
  flush(): Promise<number>;
  stop(): Promise<void>;
}

/** Leases the oldest due mail no other node holds to `node`, or returns null. */
export async function leaseNextMail(db: Database, node: string): Promise<Selectable<EmailOutboxTable> | null> {
  const result = await sql<Selectable<EmailOutboxTable>>`
    update email_outbox set leased_by = ${node}, leased_until = clock_timestamp() + make_interval(secs => ${LEASE_SECONDS})
     where id = (select id from email_outbox
                  where status = 'pending' and next_attempt_at <= clock_timestamp()
                    and (leased_until is null or leased_until < clock_timestamp())
                  order by created_at limit 1
                  for update skip locked)
    returning *`.execute(db);
  return result.rows[0] ?? null;
}

export function startMailer(options: { db: Database; smtpUrl: string; from: string; intervalMs?: number; node?: string; log?: (msg: string, err?: unknown) => void }): Mailer {
  const transport = nodemailer.createTransport({ url: options.smtpUrl, ...TIMEOUTS });
  const { db } = options;
  const node = options.node ?? NODE_ID;
  let running: Promise<number> | null = null;
  let stopped = false;

  async function sendDue(): Promise<number> {
    let sent = 0;
    for (let mail = await leaseNextMail(db, node); mail !== null; mail = stopped ? null : await leaseNextMail(db, node)) {
      const mine = db.updateTable('email_outbox').where('id', '=', mail.id).where('leased_by', '=', node);
      try {
        await transport.sendMail({ from: options.from, to: mail.to_address, ...(await mailText(db, mail)) });
        await mine.set({ status: 'sent', sent_at: new Date(), attempts: mail.attempts + 1, last_error: null, leased_by: null, leased_until: null }).execute();
        sent += 1;
      } catch (error) {
        const attempts = mail.attempts + 1;
        options.log?.('mail delivery failed', error);
        await mine.set({
          attempts,
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          last_error: error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500),
          next_attempt_at: new Date(Date.now() + 2 ** attempts * 30_000),
          leased_by: null, leased_until: null,
        }).execute();
      }
    }
    return sent;
  }

  const flush = (): Promise<number> => {
    if (!running) running = sendDue().finally(() => (running = null));
    return running;
  };
  // A failed pass (the database or the SMTP server away) is logged; the next tick tries again.
  const timer = setInterval(() => {
    flush().catch((error: unknown) => options.log?.('mailer pass failed', error));
  }, options.intervalMs ?? 15_000);
  timer.unref();

  return {
    flush,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
      transport.close();
    },
  };
}
