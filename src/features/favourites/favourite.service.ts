/**
 * Favourites (お気に入り・キープ): a member keeps roles to come back to. Keeping and putting away
 * are idempotent and touch only her own rows (the account is part of every key), so nobody else can
 * see or remove what she kept. The marks on a page of cards (kept, 応募済み) come from one query.
 */
import type { AppDeps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import type { RoleService } from '../roles/role.service.ts';
import { ACCESS, requireAdmitted } from '../shared/access.ts';
import {
  countFavourites,
  deleteFavourite,
  favouritesOf,
  insertFavourite,
  marksOf,
  roleExists,
} from './favourite.repository.ts';
import type { Favourite } from './favourite.schemas.ts';

/** More than anyone keeps; the list page shows them all. */
const MAX_LISTED = 500;

/** What a page of job cards marks, by role id. */
export interface CardMarks {
  kept: ReadonlySet<string>;
  interested: ReadonlySet<string>;
}

export const NO_MARKS: CardMarks = { kept: new Set(), interested: new Set() };

function requireMember(actor: Actor) {
  requireAdmitted(ACCESS.favourites, actor, 'Only members keep roles');
}

export function createFavouriteService({ database, clock }: AppDeps, services: { roles: RoleService }) {
  const { db } = database;
  const { roles } = services;

  /** Kept rows as she sees them: open ones with the role, ended ones with why and when. */
  async function present(actor: Actor, rows: Awaited<ReturnType<typeof favouritesOf>>): Promise<Favourite[]> {
    const ids = rows.map((r) => r.role_id);
    const [open, marks] = await Promise.all([roles.findPublished(ids), service.marks(actor, ids)]);
    const openById = new Map(open.map((r) => [r.id, r]));
    return rows.map((row): Favourite => {
      const role = openById.get(row.role_id);
      const state = role
        ? 'open'
        : row.status === 'closed'
          ? 'closed'
          : row.expired_at
            ? 'expired'
            : 'unavailable';
      return {
        roleId: row.role_id,
        keptAt: row.created_at,
        title: row.title,
        organisationName: row.organisation_name,
        state,
        endedAt: state === 'closed' ? row.closed_at : state === 'expired' ? (row.expired_at ?? null) : null,
        interested: marks.interested.has(row.role_id),
        ...(role ? { role } : {}),
      };
    });
  }

  const service = {
    /**
     * Her kept roles, newest first; each says whether it is still open, and if not why and since when.
     * @example (await favourites.list(actor)).items.filter((f) => f.state === 'open')
     */
    async list(actor: Actor): Promise<{ items: Favourite[]; total: number }> {
      requireMember(actor);
      const [rows, total] = await Promise.all([
        favouritesOf(db, actor.userId, MAX_LISTED),
        countFavourites(db, actor.userId),
      ]);
      return { items: await present(actor, rows), total };
    },

    /**
     * Keeps a role she can find; keeping one she already kept answers the same, even once it has
     * closed. Anything else (unknown, draft, another's closed role) is a 404.
     */
    async keep(actor: Actor, roleId: string): Promise<Favourite> {
      requireMember(actor);
      const [findable] = await roles.findPublished([roleId]);
      if (findable)
        await database.atomic([insertFavourite(db, actor.userId, roleId, clock.now().toISOString())]);
      const [kept] = await present(actor, await favouritesOf(db, actor.userId, 1, roleId));
      if (!kept) throw notFound('role');
      return kept;
    },

    /** Puts a kept role away; nothing to put away is fine too (idempotent). An unknown role is a 404. */
    async unkeep(actor: Actor, roleId: string): Promise<void> {
      requireMember(actor);
      if (!(await roleExists(db, roleId))) throw notFound('role');
      await database.atomic([deleteFavourite(db, actor.userId, roleId)]);
    },

    /**
     * Which of a page's roles she kept and which she said she is interested in, in one query;
     * nothing for anyone but a member.
     * @example const marks = await favourites.marks(view.actor, items.map((h) => h.role.id))
     */
    async marks(actor: Actor | undefined, roleIds: readonly string[]): Promise<CardMarks> {
      if (actor?.role !== 'member' || roleIds.length === 0) return NO_MARKS;
      const rows = await marksOf(db, actor.userId, roleIds);
      return {
        kept: new Set(rows.filter((r) => r.mark === 'kept').map((r) => r.role_id)),
        interested: new Set(rows.filter((r) => r.mark === 'interested').map((r) => r.role_id)),
      };
    },
  };
  return service;
}

export type FavouriteService = ReturnType<typeof createFavouriteService>;
