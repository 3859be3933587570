/**
 * Employer development (企業開拓). A coordinator records a firm she is bringing in (company, area,
 * trades, contact, where the lead came from, who owns it) and moves it through 候補 → 連絡済み →
 * 面談 → 登録 → 確認済み, writing dated notes with the date of the next action. Every stage change
 * is an event, from which the pipeline's figures come: how many prospects reached each stage,
 * the share of those that reached the next, and the median days spent in a stage.
 */
import type { AppDeps } from '../../deps.ts';
import { newId } from '../../deps.ts';
import { AppError, invalidField, notFound } from '../../errors.ts';
import { randomToken, sha256Hex } from '../../lib/bytes.ts';
import type { AreaService } from '../areas/area.service.ts';
import type { Actor } from '../auth/actor.ts';
import { ACCESS, admits, requireAdmitted } from '../shared/access.ts';
import { demandWithoutSupply } from './demand.ts';
import {
  currentStages,
  eventsOf,
  findLiveInvitation,
  findProspect,
  insertInvitation,
  insertProspect,
  insertProspectEvent,
  linkOrganisation,
  listProspects,
  moveProspect,
  type ProspectRow,
  setNextAction,
  staffAccounts,
  stageEvents,
  useInvitation,
} from './prospect.repository.ts';
import {
  type Pipeline,
  PROSPECT_STAGES,
  type Prospect,
  type ProspectDetail,
  type ProspectInput,
  type ProspectStage,
} from './prospect.schemas.ts';

const DAY = 86_400_000;
const LISTED = 300;
/** How long a registration link works. */
const INVITATION_DAYS = 30;

function toProspect(row: ProspectRow): Prospect {
  return {
    id: row.id,
    company: row.company,
    area: { code: row.area_code, name: row.area_name, prefecture: row.prefecture },
    trades: JSON.parse(row.trades) as string[],
    contact: row.contact,
    source: row.source,
    owner: { id: row.owner_id, name: row.owner_name },
    stage: row.stage,
    stageSince: row.stage_since,
    nextActionOn: row.next_action_on,
    organisationId: row.organisation_id,
    createdAt: row.created_at,
  };
}

const median = (values: number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(value * 10) / 10;
};

export function createProspectService(deps: AppDeps, services: { areas: AreaService }) {
  const { database, clock } = deps;
  const { db } = database;

  async function requireProspect(id: string) {
    const row = await findProspect(db, id);
    if (!row) throw notFound('prospect');
    return row;
  }

  async function requireOwner(ownerId: string) {
    if (!(await staffAccounts(db)).some((s) => s.id === ownerId))
      throw invalidField('body.ownerId', 'the owner must be a coordinator or an admin', 'not_staff');
  }

  return {
    async create(actor: Actor, input: ProspectInput): Promise<Prospect> {
      requireAdmitted(ACCESS.developProspects, actor);
      await services.areas.requirePlaces([{ code: input.areaCode, path: 'body.areaCode' }], {
        allowPrefecture: true,
      });
      const ownerId = input.ownerId ?? actor.userId;
      await requireOwner(ownerId);
      const id = newId();
      const at = clock.now().toISOString();
      await database.atomic([
        insertProspect(db, {
          id,
          company: input.company,
          area_code: input.areaCode,
          trades: JSON.stringify([...new Set(input.trades)]),
          contact: input.contact?.trim() || null,
          source: input.source,
          owner_id: ownerId,
          stage: 'candidate',
          stage_since: at,
          next_action_on: input.nextActionOn ?? null,
          organisation_id: null,
          created_at: at,
          updated_at: at,
        }),
        insertProspectEvent(db, {
          id: newId(),
          prospect_id: id,
          at,
          author_id: actor.userId,
          kind: 'stage',
          from_stage: null,
          to_stage: 'candidate',
          note: null,
          next_action_on: input.nextActionOn ?? null,
        }),
      ]);
      return toProspect(await requireProspect(id));
    },

    async list(filter: { stage?: ProspectStage; prefCode?: string; ownerId?: string }): Promise<Prospect[]> {
      return (await listProspects(db, filter, LISTED)).map(toProspect);
    },

    async detail(id: string): Promise<ProspectDetail> {
      const prospect = toProspect(await requireProspect(id));
      const events = await eventsOf(db, id);
      return {
        prospect,
        history: events.map((e) => ({
          at: e.at,
          author: e.author_name,
          kind: e.kind,
          fromStage: e.from_stage,
          toStage: e.to_stage,
          note: e.note,
          nextActionOn: e.next_action_on,
        })),
      };
    },

    /** Moves a prospect to a stage (forward, or back when a step did not hold), with an optional note. */
    async move(
      actor: Actor,
      id: string,
      input: { stage: ProspectStage; note?: string | undefined; nextActionOn?: string | undefined },
    ): Promise<ProspectDetail> {
      requireAdmitted(ACCESS.developProspects, actor);
      const row = await requireProspect(id);
      if (row.stage === input.stage) return this.detail(id);
      const at = clock.now().toISOString();
      await database.atomic([
        moveProspect(db, id, { stage: input.stage, at, nextActionOn: input.nextActionOn }),
        insertProspectEvent(db, {
          id: newId(),
          prospect_id: id,
          at,
          author_id: actor.userId,
          kind: 'stage',
          from_stage: row.stage,
          to_stage: input.stage,
          note: input.note?.trim() || null,
          next_action_on: input.nextActionOn ?? null,
        }),
      ]);
      return this.detail(id);
    },

    /**
     * A registration link for the firm: valid 30 days and once. The secret is in the link only;
     * the database keeps its hash, so a copy of the database cannot be used to claim a prospect.
     */
    async invite(actor: Actor, id: string): Promise<{ link: string; expiresAt: string }> {
      requireAdmitted(ACCESS.developProspects, actor);
      await requireProspect(id);
      const token = randomToken();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY).toISOString();
      await database.atomic([
        insertInvitation(db, {
          token_hash: sha256Hex(token),
          prospect_id: id,
          created_by: actor.userId,
          created_at: now.toISOString(),
          expires_at: expiresAt,
          used_at: null,
          used_by: null,
        }),
      ]);
      return { link: `${deps.config.publicUrl}/join/${encodeURIComponent(token)}`, expiresAt };
    },

    /** The firm an invitation was sent to, or undefined for a link that is unknown, used or expired. */
    async invitation(token: string): Promise<{ company: string } | undefined> {
      const row = await findLiveInvitation(db, sha256Hex(token), clock.now().toISOString());
      return row ? { company: row.company } : undefined;
    },

    /**
     * The employer accepts the invitation for her organisation: the prospect is linked to it and
     * moves to 登録 (unless it was further on already), as a stage event like any other.
     */
    async acceptInvitation(actor: Actor, token: string): Promise<{ company: string }> {
      const organisationId = actor.organisationId;
      if (!admits(ACCESS.acceptInvitation, actor) || !organisationId)
        throw new AppError('conflict', 'Register your organisation first, then accept the invitation');
      const hash = sha256Hex(token);
      const at = clock.now().toISOString();
      const row = await findLiveInvitation(db, hash, at);
      if (!row) throw new AppError('invalid_token', 'This invitation link is unknown, used or expired');
      if (row.organisation_id && row.organisation_id !== organisationId)
        throw new AppError('conflict', 'This firm is already linked to another organisation');
      const behind = PROSPECT_STAGES.indexOf(row.stage) < PROSPECT_STAGES.indexOf('registered');
      await database.atomic([
        useInvitation(db, hash, actor.userId, at),
        linkOrganisation(db, row.prospect_id, organisationId, at),
        ...(behind
          ? [
              moveProspect(db, row.prospect_id, { stage: 'registered', at }),
              insertProspectEvent(db, {
                id: newId(),
                prospect_id: row.prospect_id,
                at,
                author_id: actor.userId,
                kind: 'stage',
                from_stage: row.stage,
                to_stage: 'registered',
                note: 'invitation accepted',
                next_action_on: null,
              }),
            ]
          : []),
      ]);
      return { company: row.company };
    },

    /** A dated note, and the date of the next action if given. */
    async note(actor: Actor, id: string, input: { note: string; nextActionOn?: string | undefined }) {
      requireAdmitted(ACCESS.developProspects, actor);
      await requireProspect(id);
      const at = clock.now().toISOString();
      await database.atomic([
        setNextAction(db, id, input.nextActionOn, at),
        insertProspectEvent(db, {
          id: newId(),
          prospect_id: id,
          at,
          author_id: actor.userId,
          kind: 'note',
          from_stage: null,
          to_stage: null,
          note: input.note,
          next_action_on: input.nextActionOn ?? null,
        }),
      ]);
      return this.detail(id);
    },

    /** Where members wait without roles: one prefecture's municipality × trade rows under `minRoles` roles. */
    async demand(prefCode: string, minRoles: number) {
      return { prefCode, minRoles, items: await demandWithoutSupply(db, prefCode, minRoles) };
    },

    /** Who may own a prospect. */
    owners: async () => (await staffAccounts(db)).map((s) => ({ id: s.id, name: s.display_name })),

    /**
     * The pipeline's figures: prospects in each stage now; how many ever reached it (a stage is
     * reached by getting there or beyond); the share of those that reached the next; and the median
     * days spent in the stage by those that left it forward.
     */
    async pipeline(): Promise<Pipeline> {
      const [now, events] = await Promise.all([currentStages(db), stageEvents(db)]);
      const rank = (stage: string | null) => (stage ? PROSPECT_STAGES.indexOf(stage as ProspectStage) : -1);
      const furthest = new Map<string, number>();
      const days = new Map<ProspectStage, number[]>();
      let previous: (typeof events)[number] | undefined;
      for (const event of events) {
        furthest.set(
          event.prospect_id,
          Math.max(furthest.get(event.prospect_id) ?? -1, rank(event.to_stage)),
        );
        if (previous?.prospect_id === event.prospect_id && rank(event.to_stage) > rank(event.from_stage)) {
          const left = event.from_stage as ProspectStage;
          const spent = (Date.parse(event.at) - Date.parse(previous.at)) / DAY;
          days.set(left, [...(days.get(left) ?? []), spent]);
        }
        previous = event;
      }
      const reached = PROSPECT_STAGES.map((_, i) => [...furthest.values()].filter((f) => f >= i).length);
      return {
        stages: PROSPECT_STAGES.map((stage, i) => ({
          stage,
          now: Number(now.find((n) => n.stage === stage)?.n ?? 0),
          reached: reached[i] as number,
          conversion:
            i < PROSPECT_STAGES.length - 1 && (reached[i] as number) > 0
              ? Math.round(((reached[i + 1] as number) / (reached[i] as number)) * 100) / 100
              : null,
          medianDaysInStage: median(days.get(stage) ?? []),
        })),
      };
    },
  };
}

export type ProspectService = ReturnType<typeof createProspectService>;
