/**
 * Employer organisations: an employer registers one, keeps its profile, and a coordinator
 * verifies it before its roles can be published. Access is decided here, from the Actor.
 */

import type { OrganisationTable } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import { newId } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import type { AreaService } from '../areas/area.service.ts';
import type { Actor } from '../auth/actor.ts';
import { setUserOrganisation } from '../auth/user.repository.ts';
import type { MatchEndings } from '../matches/match-endings.ts';
import { verifyLinkedProspects } from '../prospects/prospect.repository.ts';
import { enqueueOrganisationRoles, refreshRoleSearchText } from '../search/search-outbox.repository.ts';
import { ACCESS, requireAdmitted } from '../shared/access.ts';
import {
  countOrganisations,
  findOrganisation,
  findOrganisationNames,
  insertOrganisation,
  listOrganisations,
  type OrganisationRow,
  searchOrganisationNames,
  updateOrganisation,
} from './organisation.repository.ts';
import type { Organisation, OrganisationInput } from './organisation.schemas.ts';

function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    nameKana: row.name_kana,
    scale: row.scale,
    corporateNumber: row.corporate_number,
    headOffice: {
      code: row.head_office_area_code,
      name: row.head_office_name,
      prefecture: row.head_office_prefecture,
    },
    description: row.description,
    website: row.website,
    verification: { state: row.verification_state, verifiedAt: row.verified_at },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function inputColumns(input: OrganisationInput) {
  return {
    name: input.name,
    name_kana: input.nameKana ?? null,
    scale: input.scale,
    corporate_number: input.corporateNumber ?? null,
    head_office_area_code: input.headOfficeAreaCode,
    description: input.description,
    website: input.website ?? null,
  };
}

export function createOrganisationService(
  { database, clock }: AppDeps,
  areas: AreaService,
  endings: MatchEndings,
) {
  const { db } = database;

  async function load(id: string) {
    const row = await findOrganisation(db, id);
    if (!row) throw notFound('organisation');
    return row;
  }

  /** The employer's own organisation id, or 404 when she has not registered one yet. */
  function ownOrganisationId(actor: Actor): string {
    if (!actor.organisationId) throw notFound('organisation');
    return actor.organisationId;
  }

  return {
    ownOrganisationId,

    /** Organisation names by id (unknown ids are left out). */
    /** Up to 20 verified organisations by a part of their name (a member choosing whom to block). */
    async findByName(words: string): Promise<{ id: string; name: string }[]> {
      const trimmed = words.trim().slice(0, 40);
      return trimmed ? searchOrganisationNames(db, trimmed, 20) : [];
    },

    async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
      return new Map((await findOrganisationNames(db, ids)).map((row) => [row.id, row.name]));
    },

    async register(actor: Actor, input: OrganisationInput): Promise<Organisation> {
      requireAdmitted(ACCESS.ownOrganisation, actor);
      if (actor.organisationId) {
        throw new AppError(
          'organisation_exists',
          'This account already has an organisation; update it instead',
        );
      }
      await areas.requirePlaces([{ code: input.headOfficeAreaCode, path: 'body.headOfficeAreaCode' }], {
        allowPrefecture: false,
      });
      const now = clock.now().toISOString();
      const row: OrganisationTable = {
        id: newId(),
        ...inputColumns(input),
        verification_state: 'unverified',
        verified_at: null,
        verified_by: null,
        created_at: now,
        updated_at: now,
      };
      await database.atomic([
        insertOrganisation(db, row),
        setUserOrganisation(db, actor.userId, row.id, now),
      ]);
      const linked = await db
        .selectFrom('users')
        .select('organisation_id')
        .where('id', '=', actor.userId)
        .executeTakeFirst();
      if (linked?.organisation_id !== row.id) {
        // Another registration for this account won the race; ours stays unlinked, so remove it.
        await database.atomic([db.deleteFrom('organisations').where('id', '=', row.id)]);
        throw new AppError(
          'organisation_exists',
          'This account already has an organisation; update it instead',
        );
      }
      return toOrganisation(await load(row.id));
    },

    mine: async (actor: Actor) => toOrganisation(await load(ownOrganisationId(actor))),

    async updateMine(actor: Actor, input: OrganisationInput): Promise<Organisation> {
      const id = ownOrganisationId(actor);
      const current = await load(id);
      await areas.requirePlaces([{ code: input.headOfficeAreaCode, path: 'body.headOfficeAreaCode' }], {
        allowPrefecture: false,
      });
      // A changed legal identity has to be checked again before roles go out under it, and a
      // rejected organisation that saves its details again is asking to be checked again. A firm
      // now calling itself national is checked too: members are shown it as a 全国企業 on that word.
      const identityChanged =
        current.name !== input.name ||
        current.corporate_number !== (input.corporateNumber ?? null) ||
        (current.scale !== 'national' && input.scale === 'national');
      const checkAgain =
        current.verification_state === 'rejected' ||
        (identityChanged && current.verification_state === 'verified');
      const now = clock.now().toISOString();
      await database.atomic([
        updateOrganisation(db, id, {
          ...inputColumns(input),
          updated_at: now,
          ...(checkAgain ? { verification_state: 'unverified', verified_at: null, verified_by: null } : {}),
        }),
        // Its roles carry its name and are findable only while it is verified.
        ...refreshRoleSearchText({ organisationId: id }),
        enqueueOrganisationRoles(db, id, now),
      ]);
      return toOrganisation(await load(id));
    },

    /** One organisation: coordinators and admins see any; an employer only her own. */
    async get(actor: Actor, id: string): Promise<Organisation> {
      if (actor.role === 'employer' && actor.organisationId !== id) throw notFound('organisation');
      return toOrganisation(await load(id));
    },

    async list(filter: { state?: OrganisationTable['verification_state']; limit: number; offset: number }) {
      const [rows, total] = await Promise.all([
        listOrganisations(db, filter),
        countOrganisations(db, filter.state),
      ]);
      return { items: rows.map(toOrganisation), total, limit: filter.limit, offset: filter.offset };
    },

    async verify(actor: Actor, id: string, state: 'verified' | 'rejected'): Promise<Organisation> {
      requireAdmitted(ACCESS.verifyOrganisations, actor);
      await load(id);
      const now = clock.now().toISOString();
      // A rejected organisation's open matches end with the rejection, introduced ones included.
      const endingWrites =
        state === 'rejected'
          ? await endings.writes({ organisationId: id }, 'organisation_rejected', actor, now)
          : [];
      await database.atomic([
        ...endingWrites,
        updateOrganisation(db, id, {
          verification_state: state,
          verified_at: state === 'verified' ? now : null,
          verified_by: actor.userId,
          updated_at: now,
        }),
        enqueueOrganisationRoles(db, id, now),
        // A firm brought in through the pipeline reaches its last stage with the verification.
        ...(state === 'verified' ? verifyLinkedProspects(db, id, actor.userId, now) : []),
      ]);
      return toOrganisation(await load(id));
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
