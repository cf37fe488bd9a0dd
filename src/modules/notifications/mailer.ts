import type { Transporter } from 'nodemailer';
import type { Attachment } from './types.js';

export type Mailer = {
  send(message: {
    /** Stable per outbox row: a message sent twice (a crash between send and bookkeeping) keeps its identity. */
    messageId: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    attachments: Attachment[];
  }): Promise<void>;
  close(): void;
};

/**
 * SMTP through one pooled nodemailer transport. A text/calendar attachment also goes out as the message's
 * calendar alternative (nodemailer's icalEvent), which is what makes mail clients show Accept/Decline.
 */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const url = new URL(smtpUrl);
  url.searchParams.set('pool', 'true');
  // nodemailer (some forty modules) is loaded with the first message rather than at start-up.
  let transport: Promise<Transporter> | undefined;
  const transportOnce = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(url.toString())));
  return {
    async send(m) {
      const invite = m.attachments.find((a) => a.contentType.startsWith('text/calendar'));
      const method = invite ? (/method=(\w+)/i.exec(invite.contentType)?.[1] ?? 'REQUEST') : undefined;
      const smtp = await transportOnce();
      await smtp.sendMail({
        messageId: m.messageId,
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        ...(invite
          ? {
              icalEvent: {
                method,
                filename: invite.filename,
                content: Buffer.from(invite.contentBase64, 'base64').toString('utf8'),
              },
            }
          : {}),
        attachments: m.attachments
          .filter((a) => a !== invite)
          .map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: Buffer.from(a.contentBase64, 'base64'),
          })),
      });
    },
    close: () => void transport?.then((t) => t.close()),
  };
}
