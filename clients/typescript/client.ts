/**
 * A typed client for the Yorisoi API, for a separate front end or another service: openapi-fetch
 * over the types generated from `/openapi.json` (`schema.d.ts`), so every path, parameter, body and
 * answer is checked by TypeScript. Errors come back as `error` in the one shape
 * `{ error: { code, message, requestId, issues? } }`, never thrown.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from './schema.d.ts';

export type { components, operations, paths };
export type Schemas = components['schemas'];
export type YorisoiClient = Client<paths>;

export interface ClientOptions {
  /** A session token from sign-in or sign-up, sent as `Authorization: Bearer …`. */
  token?: string;
  /** A fetch to use instead of the global one (tests, Workers service bindings). */
  fetch?: typeof fetch;
}

/**
 * A client for the service at `baseUrl` (e.g. `https://yorisoi.example.jp`).
 * @example const api = yorisoiClient('http://127.0.0.1:8787', { token }); await api.GET('/api/auth/me')
 */
export function yorisoiClient(baseUrl: string, options: ClientOptions = {}): YorisoiClient {
  return createClient<paths>({
    baseUrl: baseUrl.replace(/\/$/, ''),
    ...(options.token ? { headers: { authorization: `Bearer ${options.token}` } } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** Signs in and returns a client that calls as that account. */
export async function signedInClient(
  baseUrl: string,
  credentials: Schemas['SignIn'],
  options: Omit<ClientOptions, 'token'> = {},
): Promise<YorisoiClient> {
  const { data, error } = await yorisoiClient(baseUrl, options).POST('/api/auth/sign-in', {
    body: credentials,
  });
  if (!data) throw new Error(`sign-in failed: ${error?.error.code} ${error?.error.message}`);
  return yorisoiClient(baseUrl, { ...options, token: data.token });
}
