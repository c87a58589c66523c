// Delivers the e-mail outbox over SMTP. A row is marked sent right after the server accepts it;
// failures are retried with back-off and given up after MAX_ATTEMPTS. Without SMTP_URL nothing is sent
// (the outbox keeps the mails and the in-app notifications still show).
import nodemailer from 'nodemailer';
import type { Database } from '../../db/database.ts';

const MAX_ATTEMPTS = 5;

export interface Mailer {
  /** Sends what is due now; returns how many were sent. */
  flush(): Promise<number>;
  stop(): Promise<void>;
}

export function startMailer(options: { db: Database; smtpUrl: string; from: string; intervalMs?: number; log?: (msg: string, err?: unknown) => void }): Mailer {
  const transport = nodemailer.createTransport(options.smtpUrl);
  let running: Promise<number> | null = null;
  let stopped = false;

  async function sendDue(): Promise<number> {
    const due = await options.db.selectFrom('email_outbox').selectAll()
      .where('status', '=', 'pending').where('next_attempt_at', '<=', new Date()).orderBy('created_at').limit(50).execute();
    let sent = 0;
    for (const mail of due) {
      if (stopped) break;
      try {
        await transport.sendMail({ from: options.from, to: mail.to_address, subject: mail.subject, text: mail.body });
        await options.db.updateTable('email_outbox').set({ status: 'sent', sent_at: new Date(), attempts: mail.attempts + 1, last_error: null })
          .where('id', '=', mail.id).where('status', '=', 'pending').execute();
        sent += 1;
      } catch (error) {
        const attempts = mail.attempts + 1;
        options.log?.('mail delivery failed', error);
        await options.db.updateTable('email_outbox').set({
          attempts,
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          last_error: error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500),
          next_attempt_at: new Date(Date.now() + 2 ** attempts * 30_000),
        }).where('id', '=', mail.id).execute();
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
