/**
 * An organisation's branches (拠点): the employer keeps them (list, add, change, remove) and picks
 * them as a role's locations, so one role is posted for several hometowns at once. A branch is
 * copied into the role's locations when chosen: role_locations stays the one record of where a
 * role is. Also answers which organisations members are shown as a 全国企業.
 */
import type { AppDeps } from '../../deps.ts';
import { newId } from '../../deps.ts';
import { AppError, type ErrorIssue, notFound } from '../../errors.ts';
import type { AreaService } from '../areas/area.service.ts';
import type { Actor } from '../auth/actor.ts';
import { ACCESS, admits } from '../shared/access.ts';
import {
  type BranchRow,
  branchSpread,
  countBranches,
  deleteBranch,
  findBranch,
  findBranchesByIds,
  insertBranch,
  listBranches,
  NATIONAL_FIRM_MIN_PREFECTURES,
  nationalFirmIds,
  updateBranch,
} from './branch.repository.ts';
import type { Branch, BranchInput, BranchList } from './branch.schemas.ts';

/** Enough for a firm with a branch in every prefecture several times over; a form lists them all. */
export const MAX_BRANCHES = 300;

/** A branch as a role's location (RoleInput's shape). */
export interface BranchLocation {
  areaCode: string;
  label: string;
  address?: string;
  town?: string;
}

function toBranch(row: BranchRow): Branch {
  return {
    id: row.id,
    name: row.name,
    area: { code: row.area_code, name: row.area_name, prefecture: row.prefecture, prefCode: row.pref_code },
    address: row.address,
    town: row.town,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createBranchService({ database, clock }: AppDeps, areas: AreaService) {
  const { db } = database;

  /** The employer's own organisation id; 404 without one (as for her organisation itself). */
  function ownOrganisation(actor: Actor): string {
    if (!admits(ACCESS.ownOrganisation, actor) || !actor.organisationId) throw notFound('organisation');
    return actor.organisationId;
  }

  /** Checks the area and finds the town: the one named (which must exist), else the address's. */
  async function columnsOf(input: BranchInput) {
    await areas.requirePlaces([{ code: input.areaCode, path: 'body.areaCode' }], { allowPrefecture: false });
    const text = input.town ?? input.address;
    const towns = text
      ? await areas.resolveTowns([
          { areaCode: input.areaCode, text, path: 'body.town', required: input.town !== undefined },
        ])
      : new Map();
    return {
      name: input.name,
      area_code: input.areaCode,
      address: input.address ?? null,
      town: towns.get('body.town')?.name ?? null,
    };
  }

  async function load(organisationId: string, id: string): Promise<BranchRow> {
    const row = await findBranch(db, organisationId, id);
    if (!row) throw notFound('branch');
    return row;
  }

  return {
    /** Her organisation's branches by prefecture, with whether members see it as a 全国企業. */
    async list(actor: Actor): Promise<BranchList> {
      const organisationId = ownOrganisation(actor);
      const [rows, national] = await Promise.all([
        listBranches(db, organisationId),
        nationalFirmIds(db, [organisationId]),
      ]);
      return {
        items: rows.map(toBranch),
        prefectures: new Set(rows.map((r) => r.pref_code)).size,
        nationalFirm: national.has(organisationId),
      };
    },

    async create(actor: Actor, input: BranchInput): Promise<Branch> {
      const organisationId = ownOrganisation(actor);
      if ((await countBranches(db, organisationId)) >= MAX_BRANCHES)
        throw new AppError('invalid_state', `An organisation keeps at most ${MAX_BRANCHES} branches`);
      const now = clock.now().toISOString();
      const id = newId();
      await database.atomic([
        insertBranch(db, {
          id,
          organisation_id: organisationId,
          ...(await columnsOf(input)),
          created_at: now,
          updated_at: now,
        }),
      ]);
      return toBranch(await load(organisationId, id));
    },

    /** Changes a branch; roles already posted at it keep the place they were posted at. */
    async update(actor: Actor, id: string, input: BranchInput): Promise<Branch> {
      const organisationId = ownOrganisation(actor);
      await load(organisationId, id);
      const now = clock.now().toISOString();
      await database.atomic([
        updateBranch(db, organisationId, id, { ...(await columnsOf(input)), updated_at: now }),
      ]);
      return toBranch(await load(organisationId, id));
    },

    /** Removes a branch; its roles stay where they were posted (their locations are their own). */
    async remove(actor: Actor, id: string): Promise<void> {
      const organisationId = ownOrganisation(actor);
      await load(organisationId, id);
      await database.atomic([deleteBranch(db, organisationId, id)]);
    },

    /**
     * Her branches as role locations, in the order given; an id that is not one of her
     * organisation's branches is a field error at `body.branchIds.N` (as unknown as any other).
     * @example await branches.locationsOf(actor, ['…'], 'body.branchIds') // [{ areaCode, label: '静岡支店', … }]
     */
    async locationsOf(actor: Actor, ids: readonly string[], path: string): Promise<BranchLocation[]> {
      if (ids.length === 0) return [];
      const organisationId = ownOrganisation(actor);
      const byId = new Map((await findBranchesByIds(db, organisationId, ids)).map((r) => [r.id, r]));
      const issues: ErrorIssue[] = [];
      const locations: BranchLocation[] = [];
      ids.forEach((id, i) => {
        const row = byId.get(id);
        if (!row) {
          issues.push({
            path: `${path}.${i}`,
            message: 'no such branch of your organisation',
            code: 'unknown_branch',
          });
          return;
        }
        locations.push({
          areaCode: row.area_code,
          label: row.name,
          ...(row.address ? { address: row.address } : {}),
          ...(row.town ? { town: row.town } : {}),
        });
      });
      if (issues.length > 0)
        throw new AppError('validation_failed', 'The request has invalid fields', issues);
      return locations;
    },

    /** Her branches, for the role editor's choice (an employer without an organisation has none). */
    async forEditor(actor: Actor): Promise<Branch[]> {
      if (!admits(ACCESS.ownOrganisation, actor) || !actor.organisationId) return [];
      return (await listBranches(db, actor.organisationId)).map(toBranch);
    },

    /**
     * Where each organisation's branches are (count and prefectures), for the coordinator who
     * checks a firm calling itself national; organisations without branches are absent.
     */
    async spreadOf(
      organisationIds: readonly string[],
    ): Promise<Map<string, { branches: number; prefectures: string[] }>> {
      const spread = new Map<string, { branches: number; prefectures: string[] }>();
      if (organisationIds.length === 0) return spread;
      for (const row of await branchSpread(db, organisationIds)) {
        const entry = spread.get(row.organisation_id) ?? { branches: 0, prefectures: [] };
        entry.branches += Number(row.n);
        entry.prefectures.push(row.prefecture);
        spread.set(row.organisation_id, entry);
      }
      return spread;
    },

    /** Which of these organisations members are shown as a 全国企業 (see `nationalFirmIds`). */
    nationalFirms: (organisationIds: readonly string[]) => nationalFirmIds(db, organisationIds),

    minPrefectures: NATIONAL_FIRM_MIN_PREFECTURES,
  };
}

export type BranchService = ReturnType<typeof createBranchService>;
