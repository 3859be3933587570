/**
 * The words of every e-mail, in Japanese (the default) and English, as plain text and HTML.
 * Subjects never carry a detail of her situation (a role, an employer, a decision): a shared
 * phone shows subjects on its lock screen. Every message ends with a footer saying why it came
 * and how to stop it.
 */

export type MailLocale = 'ja' | 'en';

export type MailContent =
  | { kind: 'verify_email'; name: string; link: string }
  | { kind: 'already_registered'; resetLink: string; signInLink: string }
  | { kind: 'reset_password'; link: string; byCoordinator: boolean }
  | { kind: 'notification'; headline: string; link: string; settingsLink: string };

/**
 * The notification kinds that are also e-mailed, each of which she can stop in her settings, with
 * the line the mail opens with. Members hear of decisions and outcomes; employers of new and
 * withdrawn introductions. The line never names the role, the employer or a reason.
 */
export const NOTIFICATION_MAIL_KINDS = {
  approved: { ja: 'ご紹介が決まりました', en: 'An introduction has been made' },
  rejected: { ja: 'ご紹介についてのお知らせ', en: 'News about an introduction' },
  outcome: { ja: '応募の状況が進みました', en: 'Your application has moved on' },
  introduction: { ja: '新しいご紹介があります', en: 'You have a new introduction' },
  withdrawn: { ja: 'ご紹介が取り下げられました', en: 'An introduction was withdrawn' },
  area_notices: { ja: 'お住まいの地域などからのお知らせがあります', en: 'There is news for your area' },
  job_alert: {
    ja: '保存した条件に合う新しい求人があります',
    en: 'There are new jobs for a search you saved',
  },
  role_expiring: { ja: 'まもなく掲載期限になる求人があります', en: 'An ad of yours is about to expire' },
} as const;

export type NotificationMailKind = keyof typeof NOTIFICATION_MAIL_KINDS;

export const isNotificationMailKind = (kind: string): kind is NotificationMailKind =>
  Object.hasOwn(NOTIFICATION_MAIL_KINDS, kind);

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

/** A paragraph of text, or a link to show on a line of its own. */
type Block = string | { link: string };

const SERVICE = { ja: '寄り添い（よりそい）', en: 'Yorisoi' };

function words(content: MailContent, lang: MailLocale): { subject: string; blocks: Block[]; footer: string } {
  const ja = lang === 'ja';
  const accountFooter = ja
    ? 'このメールはアカウントの手続きのためにお送りしています。手続きをしない限り、このようなメールが続けて届くことはありません。'
    : 'This message was sent because of a step on your account. Unless such a step is taken again, no more of these will come.';
  switch (content.kind) {
    case 'verify_email':
      return ja
        ? {
            subject: 'メールアドレスの確認',
            blocks: [
              `${content.name}さん、寄り添いへのご登録ありがとうございます。`,
              '次のリンクを開いて、メールアドレスの確認を済ませてください（24時間有効です）。',
              { link: content.link },
              'お心当たりがない場合は、このメールを破棄してください。アカウントは作られません。',
            ],
            footer: accountFooter,
          }
        : {
            subject: 'Confirm your e-mail address',
            blocks: [
              `${content.name}, thank you for signing up to Yorisoi.`,
              'Open this link to confirm your e-mail address (it works for 24 hours).',
              { link: content.link },
              'If this was not you, delete this message; no account will be made.',
            ],
            footer: accountFooter,
          };
    case 'already_registered':
      return ja
        ? {
            subject: '新規登録のお申し込みについて',
            blocks: [
              'このメールアドレスで新規登録のお申し込みがありましたが、このアドレスにはすでにアカウントがあります。',
              'ご本人のお申し込みでしたら、次のページからサインインしてください。',
              { link: content.signInLink },
              'パスワードをお忘れの場合は、次のページから再設定できます。',
              { link: content.resetLink },
              'お心当たりがない場合は、このメールを無視してください。アカウントには何も変わりはありません。',
            ],
            footer: accountFooter,
          }
        : {
            subject: 'About a sign-up with your address',
            blocks: [
              'Someone tried to sign up with this e-mail address, which already has an account.',
              'If it was you, sign in here:',
              { link: content.signInLink },
              'If you have forgotten your password, you can set a new one here:',
              { link: content.resetLink },
              'If it was not you, ignore this message: nothing about your account has changed.',
            ],
            footer: accountFooter,
          };
    case 'reset_password':
      return ja
        ? {
            subject: 'パスワードの再設定',
            blocks: [
              content.byCoordinator
                ? '担当のコーディネーターが、パスワード再設定のご案内をお送りしました。'
                : 'パスワードの再設定のお申し込みを受け付けました。',
              '次のリンクから新しいパスワードを設定してください。30分間有効で、1回だけ使えます。',
              { link: content.link },
              '新しいパスワードを設定すると、すべての端末からサインアウトされます。',
              'お心当たりがない場合は、このメールを無視してください。パスワードは変わりません。',
            ],
            footer: accountFooter,
          }
        : {
            subject: 'Set a new password',
            blocks: [
              content.byCoordinator
                ? 'Your coordinator has sent you a link to set a new password.'
                : 'We received a request to set a new password.',
              'Set your new password with this link. It works once, for 30 minutes.',
              { link: content.link },
              'Setting it signs you out on every device.',
              'If this was not you, ignore this message: your password stays as it is.',
            ],
            footer: accountFooter,
          };
    case 'notification':
      return ja
        ? {
            subject: '寄り添いからのお知らせ',
            blocks: [
              `新しいお知らせがあります：${content.headline}`,
              '詳しくはサインインしてご覧ください。',
              { link: content.link },
            ],
            footer: `お知らせメールは、種類ごとに次のページで止められます：${content.settingsLink}`,
          }
        : {
            subject: 'News from Yorisoi',
            blocks: [
              `You have news: ${content.headline}`,
              'Sign in to see the details.',
              { link: content.link },
            ],
            footer: `You can stop each kind of news e-mail here: ${content.settingsLink}`,
          };
  }
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );

/**
 * The subject, plain text and HTML of one message in her language.
 * @example composeMail({ kind: 'reset_password', link, byCoordinator: false }, 'ja').subject // 'パスワードの再設定'
 */
export function composeMail(content: MailContent, lang: MailLocale): ComposedMail {
  const { subject, blocks, footer } = words(content, lang);
  const sent = lang === 'ja' ? 'このメールは送信専用です。' : 'This address does not receive replies.';
  const text = [
    ...blocks.map((block) => (typeof block === 'string' ? block : block.link)),
    '',
    '--',
    SERVICE[lang],
    footer,
    sent,
  ].join('\n\n');
  const linkify = (html: string) =>
    html.replace(/(https?:\/\/[^\s<]+)/g, (url) => `<a href="${url}">${url}</a>`);
  const paragraphs = blocks.map((block) =>
    typeof block === 'string'
      ? `<p>${escapeHtml(block)}</p>`
      : `<p><a href="${escapeHtml(block.link)}">${escapeHtml(block.link)}</a></p>`,
  );
  const html = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.7; color: #222;">',
    ...paragraphs,
    '<hr>',
    `<p style="font-size: 0.9em; color: #555;">${escapeHtml(SERVICE[lang])}<br>${linkify(escapeHtml(footer))}<br>${escapeHtml(sent)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
