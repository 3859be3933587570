/**
 * Each role's readings (readings.ts), kept in `role_readings` and in its full-text body. They are
 * read when a role is written (Node: its service asks right after the write) and checked when it
 * is indexed (the relay and rebuilds): a role whose texts, organisation name, places or labels
 * changed since, or that a lesser analyser read (a Worker's kana-only fallback), is read again
 * and stored, so a reindex of unchanged roles tokenizes nothing. Without an analyser the stored
 * readings are used as they are.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import {
  EMPLOYMENT_TYPES,
  FLEXIBILITY_FACTS,
  JOB_CATEGORIES,
  QUALIFICATIONS,
  SKILLS,
} from '../../../matching/vocabulary.ts';
import type { Database } from '../../db/database.ts';
import { jsonList } from '../../db/json-list.ts';
import type { DB } from '../../db/schema.ts';
import type { RoleChildren, RoleRow } from '../roles/role.repository.ts';
import type { Role } from '../roles/role.schemas.ts';
import { toRole } from '../roles/role.service.ts';
import { keywordsFor } from './keywords.ts';
import { type ReadingAnalyser, type Readings, readingsFromTokens } from './readings.ts';
import { rewriteSearchBodies } from './search-outbox.repository.ts';

/** A role's texts as stored and indexed, from its row and children. */
export interface RoleTexts {
  id: string;
  texts: string[];
}

const NO_READINGS: Readings = { kana: '', romaji: '' };

/**
 * Every Japanese text a role is searched by: title, description, organisation, places (area,
 * town, her label), and the labels of its trade, employment type, qualifications, skills and
 * facts, with the words of keywords.ts — the same texts the search document carries.
 * @example roleTexts(row, children).texts[0] // the title
 */
export function roleTexts(row: RoleRow, children: RoleChildren): RoleTexts {
  return textsOfRole(toRole(row, children));
}

/** The same texts, from a role already presented. */
export function textsOfRole(role: Role): RoleTexts {
  const facts = Object.entries(role.facts)
    .filter(([, f]) => f?.available)
    .map(([name]) => name as keyof typeof FLEXIBILITY_FACTS);
  const texts = [
    role.title,
    role.description,
    role.organisation.name,
    ...role.locations.flatMap((l) => [l.name, l.town ?? '', l.label ?? '']),
    JOB_CATEGORIES[role.category].ja,
    EMPLOYMENT_TYPES[role.employmentType].ja,
    ...role.requiredQualifications.map((q) => QUALIFICATIONS[q]?.ja ?? ''),
    ...role.otherRequiredQualifications,
    ...[...role.skills.required, ...role.skills.niceToHave].map((s) => SKILLS[s.tag]?.ja ?? ''),
    ...facts.map((f) => FLEXIBILITY_FACTS[f].ja),
    keywordsFor(role.category, role.remote.mode, facts),
  ];
  return { id: role.id, texts: texts.filter((t) => t.trim() !== '') };
}

/** A 53-bit string hash (cyrb53): a cache key, not a secret, and the same on Node and Workers. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** What readings were read from: the texts (a hash) and the analyser, as `hash@analyser`. */
const sourceOf = (analyser: string, texts: readonly string[]) => `${hash53(texts.join('\n'))}@${analyser}`;

/**
 * Stored readings are current when read from the same texts, by this analyser or — for one
 * that reads only some words — by any other (a Worker keeps the Node service's full readings).
 */
function isCurrent(stored: string, source: string, analyser: ReadingAnalyser): boolean {
  if (stored === source) return true;
  const [storedHash] = stored.split('@');
  const [hash] = source.split('@');
  return !analyser.complete && storedHash === hash;
}

function storedReadings(db: Kysely<DB>, roleIds: readonly string[]) {
  return db
    .selectFrom('role_readings')
    .select(['role_id', 'source', 'kana', 'romaji'])
    .where('role_id', 'in', jsonList(roleIds))
    .execute();
}

/** Stores readings of roles (skipping any deleted meanwhile), one statement for any number. */
function storeReadings(rows: { id: string; source: string; kana: string; romaji: string }[]) {
  return sql`INSERT INTO role_readings (role_id, source, kana, romaji)
    SELECT json_extract(value, '$.id'), json_extract(value, '$.source'),
           json_extract(value, '$.kana'), json_extract(value, '$.romaji')
    FROM json_each(${JSON.stringify(rows)})
    WHERE json_extract(value, '$.id') IN (SELECT id FROM job_roles)
    ON CONFLICT (role_id) DO UPDATE SET source = excluded.source, kana = excluded.kana,
      romaji = excluded.romaji`;
}

/**
 * The readings of these roles: stored ones that are current, and — with an analyser — the rest
 * read now, stored, and written into the roles' full-text bodies in one atomic unit. Never
 * fails for the analyser: if it cannot read, roles keep what is stored.
 * @example const readings = await currentReadings(database, analyser, rows.map((r) => roleTexts(r, children.get(r.id))))
 */
export async function currentReadings(
  database: Database,
  analyser: ReadingAnalyser | null | undefined,
  roles: readonly RoleTexts[],
): Promise<Map<string, Readings>> {
  const found = new Map<string, Readings>();
  if (roles.length === 0) return found;
  const stored = new Map(
    (
      await storedReadings(
        database.db,
        roles.map((r) => r.id),
      )
    ).map((r) => [r.role_id, r]),
  );
  const stale: (RoleTexts & { source: string })[] = [];
  for (const role of roles) {
    const row = stored.get(role.id);
    // Until read again, a role keeps what it had: stale readings find more than none.
    found.set(role.id, row ? { kana: row.kana, romaji: row.romaji } : NO_READINGS);
    if (!analyser) continue;
    const source = sourceOf(analyser.name, role.texts);
    if (!row || !isCurrent(row.source, source, analyser)) stale.push({ ...role, source });
  }
  if (!analyser || stale.length === 0) return found;

  let tokens: Awaited<ReturnType<ReadingAnalyser['read']>>;
  try {
    tokens = await analyser.read(stale.flatMap((r) => r.texts));
  } catch {
    // An analyser that failed (its process died) must not hold up a write or the index: the
    // roles stay stale, and their next write or indexing tries again.
    return found;
  }
  const rows: { id: string; source: string; kana: string; romaji: string }[] = [];
  let at = 0;
  for (const role of stale) {
    const readings = readingsFromTokens(tokens.slice(at, at + role.texts.length));
    at += role.texts.length;
    found.set(role.id, readings);
    rows.push({ id: role.id, source: role.source, ...readings });
  }
  await database.atomic([storeReadings(rows), rewriteSearchBodies(rows.map((r) => r.id))]);
  return found;
}

/**
 * Reads (if needed) and stores the readings of roles just written, as the role service presents
 * them after a create or edit (not loaded again), so degraded search finds them by romaji at once.
 * @example await refreshRoleReadings(database, analyser, [role])
 */
export async function refreshRoleReadings(
  database: Database,
  analyser: ReadingAnalyser,
  roles: readonly Role[],
): Promise<void> {
  await currentReadings(database, analyser, roles.map(textsOfRole));
}
