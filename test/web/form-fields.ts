/**
 * What a browser would post for a form on a rendered page, as it stands: text inputs and hidden
 * fields with their values, ticked boxes, chosen options, text areas. Lets a test submit a page's
 * own form unchanged (an edit page must save back exactly what it shows).
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
const decodeEntities = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ENTITIES[name] ?? '');

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, name, value] of tag.matchAll(/([\w:.-]+)(?:="([^"]*)")?/g))
    found[name as string] = decodeEntities(value ?? '');
  return found;
}

/**
 * The fields of the post form with this action (the anti-forgery field left out: the test browser adds its own).
 * @example await page.post(path, formFields((await page.get(path)).html, path))
 */
export function formFields(html: string, action: string): Record<string, string | string[]> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string | string[]> = {};
  const add = (name: string | undefined, value: string) => {
    if (!name || name === '_csrf') return;
    const before = fields[name];
    fields[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  };
  for (const [, tag] of form.matchAll(/<input\b([^>]*)>/g)) {
    const a = attributes(tag as string);
    if ((a.type === 'checkbox' || a.type === 'radio') && !('checked' in a)) continue;
    add(a.name, a.value ?? '');
  }
  for (const [, tag, text] of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g))
    add(attributes(tag as string).name, decodeEntities(text as string));
  for (const [, tag, body] of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const options = [...(body as string).matchAll(/<option\b([^>]*)>/g)].map(([, o]) =>
      attributes(o as string),
    );
    const chosen = options.find((o) => 'selected' in o) ?? options[0];
    add(attributes(tag as string).name, chosen?.value ?? '');
  }
  return fields;
}
