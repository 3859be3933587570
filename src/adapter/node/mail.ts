/**
 * Node's Mailers, both built on nodemailer: over SMTP (`SMTP_URL`), or — the default for
 * `npm start`, so the demo works without a mail server — each message kept as an `.eml` file
 * under a folder (./data/mail/), which any mail program opens, with its path printed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import type { Mailer } from '../../features/mail/mailer.ts';

/**
 * @example const mailer = smtpMailer('smtp://user:pass@mail.example.jp:587', 'Yorisoi <no-reply@yorisoi.jp>')
 */
export function smtpMailer(url: string, from: string): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    close: () => transport.close(),
  };
}

/**
 * Keeps each message as `<time>-<id>.eml` in `dir` and reports the path through `log`.
 * @example const mailer = emlFileMailer('./data/mail', 'Yorisoi <no-reply@localhost>', console.log)
 */
export function emlFileMailer(dir: string, from: string, log: (line: string) => void = () => {}): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let sequence = 0;
  return {
    async send(message) {
      const info = await transport.sendMail({ from, ...message });
      mkdirSync(dir, { recursive: true });
      sequence += 1;
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const path = resolve(join(dir, `${stamp}-${String(sequence).padStart(4, '0')}.eml`));
      writeFileSync(path, info.message as Buffer);
      log(`mail to ${message.to} kept at ${path}`);
    },
  };
}
