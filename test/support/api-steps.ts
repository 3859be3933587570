/**
 * Steps through the API that both test harnesses take the same way — the Node app in process
 * (`test-app.ts`) and the Workers entry in workerd (`test-worker.ts`) — written once over the
 * harness's own `call`.
 */
import { organisationInput, roleInput } from './inputs.ts';

/** An account as the harnesses keep it. */
export interface SignedIn {
  token: string;
  userId: string;
  organisationId?: string;
}

/** A harness's API call: JSON bodies, bearer tokens, the answer parsed. */
export type ApiCall = (
  method: string,
  path: string,
  options?: { token?: string; body?: unknown },
) => Promise<{ status: number; json: any; text: string }>;

/**
 * Registers the employer's organisation and, unless no one is given to, has a coordinator verify it.
 * @example const employer = await registerOrganisation(call, await signUp('employer'), { verifier: () => coordinator })
 */
export async function registerOrganisation<A extends SignedIn>(
  call: ApiCall,
  employer: A,
  options: { organisation?: Record<string, unknown>; verifier?: () => SignedIn | Promise<SignedIn> } = {},
): Promise<A & { organisationId: string }> {
  const org = await call('POST', '/api/organisations', {
    token: employer.token,
    body: organisationInput(options.organisation),
  });
  if (org.status !== 201) throw new Error(`organisation failed: ${org.status} ${org.text}`);
  if (options.verifier) {
    const coordinator = await options.verifier();
    const verified = await call('POST', `/api/organisations/${org.json.id}/verification`, {
      token: coordinator.token,
      body: { state: 'verified' },
    });
    if (verified.status !== 200) throw new Error(`verification failed: ${verified.status} ${verified.text}`);
  }
  return { ...employer, organisationId: org.json.id as string };
}

/**
 * Posts a role as the employer and publishes it (her organisation must be verified); returns its id.
 * @example const roleId = await publishRole(call, employer, roleInput({ title: '介護スタッフ' }))
 */
export async function publishRole(
  call: ApiCall,
  employer: SignedIn,
  body: unknown = roleInput(),
): Promise<string> {
  const created = await call('POST', '/api/roles', { token: employer.token, body });
  if (created.status !== 201) throw new Error(`role failed: ${created.status} ${created.text}`);
  const published = await call('POST', `/api/roles/${created.json.id}/publish`, { token: employer.token });
  if (published.status !== 200) throw new Error(`publish failed: ${published.status} ${published.text}`);
  return created.json.id as string;
}
