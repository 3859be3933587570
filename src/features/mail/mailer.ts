/**
 * Sending e-mail is a port: the mail relay hands each message to a Mailer. Node sends over SMTP
 * or keeps `.eml` files (src/adapter/node/mail.ts); Workers, which cannot open SMTP connections
 * from this code, post to an HTTP mail API with a plain `fetch` (below).
 */

/** One finished message: plain text and HTML alternatives of the same words. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** Throws when the message was not accepted; the relay tries it again later. */
  send(message: MailMessage): Promise<void>;
}

/**
 * A Mailer for an HTTP mail API taking `POST {from, to, subject, text, html}` as JSON with a
 * bearer key — the shape of Resend's `POST /emails` (https://api.resend.com/emails), which is the
 * documented choice for Workers. Any non-2xx answer is a failure and is retried.
 * @example httpMailApiMailer({ url: 'https://api.resend.com/emails', apiKey, from: 'Yorisoi <no-reply@yorisoi.jp>' })
 */
export function httpMailApiMailer(
  options: { url: string; apiKey: string; from: string },
  fetcher: typeof fetch = fetch,
): Mailer {
  return {
    async send(message) {
      const response = await fetcher(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}` },
        body: JSON.stringify({
          from: options.from,
          to: [message.to],
          subject: message.subject,
          text: message.text,
          html: message.html,
        }),
      });
      if (!response.ok) throw new Error(`mail API answered ${response.status}`);
    },
  };
}
