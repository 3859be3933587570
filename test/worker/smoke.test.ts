import { exports } from 'cloudflare:workers';
import { expect, it } from 'vitest';

it('serves health', async () => {
  const res = await exports.default.fetch('http://example.com/health');
  const body = await res.text();
  console.log(res.status, body);
  expect(res.status).toBe(200);
});
