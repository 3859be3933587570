/**
 * Real mail receivers for tests, reading what arrived: an SMTP server (the `smtp-server`
 * package, each message parsed with `mailparser`) for the Node entry, and an HTTP server taking
 * the mail API's JSON for the Workers entry. Both listen on 127.0.0.1 on a free port.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
}

/** Waits until `predicate` holds for a received message, polling the list. */
async function waitFor(messages: ReceivedMail[], predicate: (m: ReceivedMail) => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = messages.findLast(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error('no such mail arrived');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The `token` of the first link in a message's text. */
export function tokenIn(mail: ReceivedMail): string {
  const token = /[?&]token=([A-Za-z0-9_%-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no link with a token in "${mail.subject}"`);
  return decodeURIComponent(token);
}

/**
 * An SMTP server accepting every message (no authentication, no TLS) and keeping it parsed.
 * @example const smtp = await startSmtpCatcher(); process.env.SMTP_URL = smtp.url
 */
export async function startSmtpCatcher() {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            from: parsed.from?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** The newest message to `to` matching the test, once it has arrived. */
    waitFor: (to: string, test: (m: ReceivedMail) => boolean = () => true) =>
      waitFor(messages, (m) => m.to === to && test(m)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * An HTTP server taking `POST {from, to[], subject, text, html}` with a bearer key, as the
 * Workers entry's mail API client sends it; a wrong key is refused with 401.
 */
export async function startMailApiCatcher(apiKey = 'test-mail-key') {
  const messages: ReceivedMail[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      if (req.headers.authorization !== `Bearer ${apiKey}`) return res.writeHead(401).end();
      const mail = JSON.parse(body);
      messages.push({ ...mail, to: mail.to.join(',') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/emails`,
    apiKey,
    messages,
    waitFor: (to: string, test: (m: ReceivedMail) => boolean = () => true) =>
      waitFor(messages, (m) => m.to === to && test(m)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
