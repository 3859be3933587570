/**
 * The OpenAPI document as outside tools read it (`/openapi.json`, `/docs`), and the 405 answer for
 * a known API path called with a method it does not have. zod-openapi writes the document from
 * the routes; this module adds what generators and linters need and the routes do not say:
 * a stable verb-noun `operationId` per operation, `servers`, the licence, tag descriptions, and
 * the statuses that only some routes return. It also makes the request side read as it is
 * parsed: query strings are never `null` (the `coerce` in a query schema documents an
 * `integer|null`), and a value the server fills in when a field is left out is said in words,
 * not as a JSON Schema `default`, which typed-client generators turn into a required field.
 *
 * The operation ids live here, in one table (a route may also set `operationId` itself); a route
 * with neither fails the lint test (test/openapi-lint.test.ts) until it has one.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../errors.ts';
import type { AppEnv } from './env.ts';
import { errorResponse } from './error-envelope.ts';

/** Statuses a few routes return beyond what their shape implies (see `defineRoute`). */
const EXTRA_ERRORS = {
  400: 'The link has expired or was already used',
  401: 'E-mail address and password do not match',
  404: 'Nothing saved yet',
  429: 'Too many password attempts for this account; wait the Retry-After seconds',
} as const;

type Extra = keyof typeof EXTRA_ERRORS;

/**
 * `METHOD path` → operationId (verb-noun, never renamed once published), plus statuses the route
 * returns that its shape does not imply.
 */
const OPERATIONS: Record<string, readonly [string, ...Extra[]]> = {
  'GET /health': ['getHealth'],
  'POST /api/auth/sign-up': ['signUp'],
  'POST /api/auth/sign-in': ['signIn', 401],
  'POST /api/auth/sign-out': ['signOut'],
  'GET /api/auth/me': ['getCurrentAccount'],
  'POST /api/auth/verification': ['verifyEmail', 400],
  'POST /api/auth/verification/resend': ['resendVerification'],
  'POST /api/auth/password-reset/request': ['requestPasswordReset'],
  'POST /api/auth/password-reset': ['resetPassword', 400],
  'POST /api/auth/sign-out-elsewhere': ['signOutElsewhere'],
  'GET /api/auth/sessions': ['listOwnSessions'],
  'GET /api/auth/mail-preferences': ['getMailPreferences'],
  'PUT /api/auth/mail-preferences': ['updateMailPreferences'],
  'POST /api/members/{id}/password-reset': ['sendMemberPasswordReset'],
  'GET /api/areas/prefectures': ['listPrefectures'],
  'GET /api/areas': ['listAreas'],
  'GET /api/areas/{code}': ['getArea'],
  'POST /api/organisations': ['createOrganisation'],
  'GET /api/organisations': ['listOrganisations'],
  'GET /api/organisations/me': ['getOwnOrganisation', 404],
  'PUT /api/organisations/me': ['updateOwnOrganisation', 404],
  'GET /api/organisations/{id}': ['getOrganisation'],
  'POST /api/organisations/{id}/verification': ['verifyOrganisation'],
  'GET /api/organisations/me/branches': ['listOwnBranches', 404],
  'POST /api/organisations/me/branches': ['createBranch', 404],
  'PUT /api/organisations/me/branches/{id}': ['updateBranch'],
  'DELETE /api/organisations/me/branches/{id}': ['deleteBranch'],
  'GET /api/roles': ['listRoles'],
  'POST /api/roles': ['createRole'],
  'GET /api/roles/{id}': ['getRole'],
  'PUT /api/roles/{id}': ['replaceRole'],
  'DELETE /api/roles/{id}': ['deleteRole'],
  'POST /api/roles/{id}/publish': ['publishRole'],
  'POST /api/roles/{id}/close': ['closeRole'],
  'POST /api/roles/{id}/renew': ['renewRole'],
  'GET /api/members/me/favourites': ['listFavourites'],
  'PUT /api/members/me/favourites/{roleId}': ['keepRole'],
  'DELETE /api/members/me/favourites/{roleId}': ['unkeepRole'],
  'GET /api/members/me/saved-searches': ['listSavedSearches'],
  'POST /api/members/me/saved-searches': ['createSavedSearch'],
  'PUT /api/members/me/saved-searches/{id}': ['updateSavedSearch'],
  'DELETE /api/members/me/saved-searches/{id}': ['deleteSavedSearch'],
  'GET /api/members/me': ['getOwnProfile', 404],
  'PUT /api/members/me': ['replaceOwnProfile'],
  'GET /api/members/me/availability': ['getOwnAvailability', 404],
  'PUT /api/members/me/availability': ['replaceOwnAvailability', 404],
  'GET /api/members/{id}': ['getMemberProfile'],
  'GET /api/members/me/export': ['exportOwnData', 404],
  'POST /api/members/me/deletion': ['deleteOwnAccount', 404, 429],
  'GET /api/jobs': ['searchJobs'],
  'GET /api/jobs/{id}': ['getJob'],
  'GET /api/members/me/recommendations': ['listOwnRecommendations', 404],
  'GET /api/roles/{id}/candidates': ['listRoleCandidates'],
  'POST /api/jobs/{id}/interest': ['expressInterest'],
  'GET /api/members/me/matches': ['listOwnMatches'],
  'POST /api/matches/{id}/withdraw': ['withdrawMatch'],
  'POST /api/matches/{id}/dismiss': ['dismissMatch'],
  'GET /api/matches': ['listMatchQueue'],
  'POST /api/matches/{id}/decision': ['decideMatch'],
  'GET /api/introductions': ['listIntroductions'],
  'POST /api/introductions/{id}/outcome': ['recordIntroductionOutcome'],
  'PUT /api/members/{id}/stage': ['setMemberStage'],
  'GET /api/members/{id}/stage': ['listMemberStages'],
  'POST /api/members/{id}/notes': ['createMemberNote'],
  'GET /api/members/{id}/notes': ['listMemberNotes'],
  'GET /api/matches/{id}': ['getMatch'],
  'POST /api/roles/{id}/facts/{fact}/verification': ['verifyRoleFact'],
  'GET /api/audit': ['listAuditEntries'],
  'GET /api/members/me/sensitive': ['getOwnSensitive', 404],
  'PUT /api/members/me/sensitive': ['replaceOwnSensitive', 404],
  'DELETE /api/members/me/sensitive': ['deleteOwnSensitive', 404],
  'GET /api/members/{id}/sensitive': ['getMemberSensitive'],
  'GET /api/notifications': ['listNotifications'],
  'POST /api/notifications/{id}/read': ['markNotificationRead'],
  'GET /api/dashboard': ['getDashboard'],
  'GET /api/exports/queue.csv': ['exportQueueCsv'],
  'GET /api/exports/outcomes.csv': ['exportOutcomesCsv'],
  'GET /api/members/me/check-ins': ['listOwnCheckIns'],
  'POST /api/check-ins/{id}/answer': ['answerCheckIn'],
  'GET /api/follow-ups': ['listFollowUps'],
  'POST /api/follow-ups/{id}/close': ['closeFollowUp'],
  'GET /api/members/{id}/after-hire': ['getMemberAfterHire'],
  'POST /api/introductions/{id}/separation': ['recordSeparation'],
  'POST /api/mentoring/cohorts': ['openCohort'],
  'GET /api/mentoring/cohorts': ['listCohorts'],
  'GET /api/mentoring/cohorts/{id}': ['getCohort'],
  'POST /api/mentoring/cohorts/{id}/mentors': ['inviteMentor'],
  'GET /api/mentoring/cohorts/{id}/suggestions': ['suggestMentors'],
  'POST /api/mentoring/cohorts/{id}/pairs': ['createPair'],
  'GET /api/members/me/mentoring': ['getOwnMentoring'],
  'POST /api/mentoring/invitations/{id}/answer': ['answerMentorInvitation'],
  'PUT /api/mentoring/pairs/{id}/shares': ['replaceMenteeShares'],
  'POST /api/mentoring/sessions/{id}/record': ['recordSession'],
  'POST /api/mentoring/sessions/{id}/answer': ['answerSession'],
  'GET /api/exports/after-hire.csv': ['exportAfterHireCsv'],
  'GET /api/dashboard/after-hire': ['getAfterHireOutcomes'],
  'POST /api/notices': ['publishNotice'],
  'GET /api/notices': ['listNotices'],
  'POST /api/notices/{id}/withdraw': ['withdrawNotice'],
  'GET /api/members/me/notices': ['listOwnNotices'],
  'POST /api/notices/{id}/read': ['markNoticeRead'],
  'POST /api/prospects/{id}/invitations': ['inviteProspect'],
  'POST /api/invitations/{token}/accept': ['acceptInvitation'],
  'GET /api/members/me/moves': ['listOwnMoves'],
  'GET /api/moves': ['listPlannedMoves'],
  'PUT /api/members/{id}/moves/{areaCode}/note': ['writeMoveNote'],
  'POST /api/meetings': ['publishMeeting'],
  'GET /api/meetings': ['listMeetings'],
  'GET /api/meetings/{id}': ['getMeeting'],
  'POST /api/meetings/{id}/attendance': ['recordMeetingAttendance'],
  'GET /api/members/me/meetings': ['listOwnMeetings'],
  'POST /api/meetings/{id}/reply': ['replyToMeeting'],
  'POST /api/prospects': ['createProspect'],
  'GET /api/prospects': ['listProspects'],
  'GET /api/prospects/{id}': ['getProspect'],
  'POST /api/prospects/{id}/stage': ['moveProspect'],
  'POST /api/prospects/{id}/notes': ['createProspectNote'],
  'GET /api/prospect-pipeline': ['getProspectPipeline'],
  'GET /api/prospect-pipeline/demand': ['getDemandWithoutSupply'],
};

const TAG_DESCRIPTIONS: Record<string, string> = {
  Health: 'Whether the service, its database and search are up.',
  Accounts: 'Sign-up, sign-in and sessions (bearer token or cookie).',
  Areas: 'Prefectures, municipalities and wards (JIS codes).',
  Organisations: 'Employers’ organisations and their verification by a coordinator.',
  Roles: 'Roles an employer posts: draft, published, closed.',
  Members: 'A member’s own profile, availability, data export and account deletion.',
  Jobs: 'Published roles as members and visitors search them.',
  Matches: 'Ranked recommendations and candidates, with reasons.',
  'Match workflow': 'Interest, coordinator decisions, introductions and outcomes.',
  Coordination: 'Coordinators’ support stages, consultation notes, fact checks and the audit log.',
  'Sensitive information': 'Family details a member chooses to share with coordinators only.',
  Notifications: 'What happened to her matches or the employer’s roles.',
  Dashboard: 'Coordinators’ figures and CSV exports.',
  'Follow-up after a hire': 'Her check-ins after a hire, the coordinators’ follow-up queue, separations.',
  'Peer mentoring': 'Cohorts, mentors who agreed, pairs and their sessions with a shared record.',
  'Area notices': 'What municipalities and partners offer, for members living in or moving to their places.',
  'Relocation support':
    'Moving to a hometown or a new town: per place, its notices, the roles that fit after the move, the coordinator’s note.',
  'Employer development': 'Firms coordinators bring in, through 候補 → 連絡済み → 面談 → 登録 → 確認済み.',
  'Exchange meetings': 'Gatherings (交流会) where single parents meet: replies, waiting list, attendance.',
};

export const API_INFO = {
  title: 'Yorisoi',
  version: '0.1.0',
  description:
    'Job matching between employers and single mothers in Japan; a coordinator approves every introduction. ' +
    'Errors always have the shape { error: { code, message, requestId, issues? } }.',
  license: { name: 'Proprietary: all rights reserved', identifier: 'LicenseRef-Proprietary' },
};

// biome-ignore lint/suspicious/noExplicitAny: the document is walked as plain JSON of any shape
type Json = Record<string, any>;

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** Says a request-side `default` in words and removes it (recursively, following nothing). */
function describeDefaults(schema: unknown) {
  if (!schema || typeof schema !== 'object') return;
  const node = schema as Json;
  if ('default' in node) {
    const value = JSON.stringify(node.default);
    const said = value === '""' ? 'Empty when left out.' : `${value} when left out.`;
    node.description = node.description ? `${node.description} (${said.replace(/\.$/, '')})` : said;
    delete node.default;
  }
  for (const child of Object.values(node)) describeDefaults(child);
}

/** Query values arrive as strings: a `null` in a query parameter's type cannot happen. */
function withoutNull(schema: Json) {
  if (Array.isArray(schema.type) && schema.type.includes('null')) {
    const rest = schema.type.filter((t: string) => t !== 'null');
    schema.type = rest.length === 1 ? rest[0] : rest;
  }
}

/** The document for `/openapi.json` and `/docs`, finished for outside tools. */
export function openApiDocument(app: OpenAPIHono<AppEnv>): Json {
  const document = structuredClone(app.getOpenAPI31Document({ openapi: '3.1.0', info: API_INFO })) as Json;
  document.servers = [{ url: '/', description: 'This service (the host that served this document)' }];
  const usedTags = new Set<string>();
  const inputSchemas = new Set<string>();
  for (const [path, item] of Object.entries(document.paths as Record<string, Json>)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const [operationId, ...extras] = OPERATIONS[`${method.toUpperCase()} ${path}`] ?? [];
      // A route may name its own id (`operationId` in its definition); the table covers the rest.
      if (operationId) operation.operationId ??= operationId;
      for (const status of extras) {
        operation.responses[status] ??= {
          description: EXTRA_ERRORS[status],
          content: { 'application/json': { schema: ERROR_REF } },
        };
      }
      for (const tag of operation.tags ?? []) usedTags.add(tag);
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'query') withoutNull(parameter.schema);
        describeDefaults(parameter.schema);
        if (parameter.schema?.description) parameter.description = parameter.schema.description;
      }
      const body = operation.requestBody?.content?.['application/json']?.schema;
      if (body?.$ref) inputSchemas.add(String(body.$ref).split('/').pop() ?? '');
      else describeDefaults(body);
    }
  }
  for (const name of inputSchemas) describeDefaults(document.components?.schemas?.[name]);
  document.tags = [...usedTags].sort().map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name }));
  return document;
}

/** `{ template regex, methods }` for each API path of the document, for 405 answers. */
function pathMethods(document: Json): { pattern: RegExp; allow: string[] }[] {
  return Object.entries(document.paths as Record<string, Json>).map(([path, item]) => {
    const source = path
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('[^/]+');
    const methods = METHODS.filter((m) => item[m]).map((m) => m.toUpperCase());
    if (methods.includes('GET')) methods.push('HEAD');
    return { pattern: new RegExp(`^${source}$`), allow: methods };
  });
}

/**
 * The answer for a request no route took: 405 with `Allow` when its path is a documented API
 * path (in the one error shape), else `undefined` for the caller's own 404.
 */
export function methodNotAllowed(app: OpenAPIHono<AppEnv>) {
  let known: ReturnType<typeof pathMethods> | undefined;
  return (c: Context<AppEnv>) => {
    known ??= pathMethods(openApiDocument(app));
    const path = c.req.path.replace(/\/$/, '') || '/';
    const match = known.find((entry) => entry.pattern.test(path));
    if (!match || match.allow.includes(c.req.method)) return undefined;
    c.header('Allow', match.allow.join(', '));
    const error = new AppError(
      'method_not_allowed',
      `${c.req.method} is not allowed here; use ${match.allow.join(', ')}`,
    );
    return errorResponse(c, error);
  };
}
