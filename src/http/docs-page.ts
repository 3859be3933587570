/**
 * A self-contained API reference at /docs, rendered on the server from the OpenAPI document.
 * Self-contained on purpose: no script or stylesheet from a CDN, so it works offline and on
 * Workers alike.
 */
import { html, raw } from 'hono/html';

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
}

interface Document {
  info: { title: string; version: string; description?: string };
  paths?: object;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

const json = (value: unknown) => JSON.stringify(value, null, 2);

function operationHtml(method: string, path: string, op: Operation) {
  const body = op.requestBody?.content?.['application/json']?.schema;
  const responses = Object.entries(op.responses ?? {});
  return html`<section class="op" id="${method}-${path}">
    <h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${path}</code></h3>
    <p>${op.summary ?? ''}</p>
    ${op.description ? html`<p class="access">${op.description}</p>` : ''}
    ${
      op.parameters?.length
        ? html`<p>Parameters: ${op.parameters.map((p) => html`<code>${p.name}</code> (${p.in}${p.required ? ', required' : ''}) `)}</p>`
        : ''
    }
    ${body ? html`<details><summary>Request body</summary><pre>${json(body)}</pre></details>` : ''}
    <details><summary>Responses</summary><ul>
      ${responses.map(([status, r]) => html`<li><b>${status}</b> ${r.description ?? ''}</li>`)}
    </ul></details>
  </section>`;
}

/** The page's one inline stylesheet, allowed by its hash in the page's Content-Security-Policy. */
export const DOCS_STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#222}
code,pre{font-family:ui-monospace,monospace}pre{background:#f6f6f4;padding:.5rem;overflow:auto;font-size:13px}
.op{border-top:1px solid #ddd;padding:.5rem 0}.method{display:inline-block;min-width:4rem;font-size:12px;padding:2px 6px;border-radius:4px;color:#fff;background:#555}
.get{background:#2b6cb0}.post{background:#2f855a}.put{background:#b7791f}.delete{background:#c53030}.access{color:#555;white-space:pre-line}`;

/** The docs page for a generated OpenAPI document. */
export function renderDocsPage(doc: Document) {
  const paths = Object.entries(doc.paths ?? {}) as [string, Record<string, Operation | undefined>][];
  const operations = paths.flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ method: m, path, op: item[m] as Operation })),
  );
  const tags = [...new Set(operations.map((o) => o.op.tags?.[0] ?? 'Other'))];
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.info.title} API</title>
<style>${raw(DOCS_STYLE)}</style>
</head><body>
<h1>${doc.info.title} API <small>${doc.info.version}</small></h1>
<p>${doc.info.description ?? ''}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
${tags.map(
  (tag) =>
    html`<h2>${tag}</h2>${operations
      .filter((o) => (o.op.tags?.[0] ?? 'Other') === tag)
      .map((o) => operationHtml(o.method, o.path, o.op))}`,
)}
</body></html>`;
}
