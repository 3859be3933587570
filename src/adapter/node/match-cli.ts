/**
 * `npm run match -- --input FILE [--lang en] [--date YYYY-MM-DD]`: ranks the roles in a JSON file
 * for each member in it and prints the result as JSON. Members and roles use the API's own input
 * shapes (validated by the same zod schemas); areas come from the bundled area master, so no
 * database or search engine is needed. See matching/examples/ for the file format.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { rankRolesForMember } from '../../../matching/index.ts';
import { AREA_RECORDS } from '../../../seed/area-master.ts';
import type { Area } from '../../features/areas/area.service.ts';
import { explainInfeasible, explainMatch } from '../../features/matches/explanations.ts';
import { areaCodesOf, toMatchMember, toMatchRole } from '../../features/matches/match-inputs.ts';
import { MemberProfileInputSchema } from '../../features/members/member.schemas.ts';
import { RoleInputSchema } from '../../features/roles/role.schemas.ts';
import { IsoDateSchema } from '../../features/shared/common.schemas.ts';
import { japanDate } from '../../features/shared/japan-time.ts';

export const MatchFileSchema = z
  .object({
    evaluationDate: IsoDateSchema.optional(),
    members: z
      .array(
        z
          .object({
            id: z.string().min(1),
            supportStage: z.number().int().min(1).max(5).nullable(),
            profile: MemberProfileInputSchema,
          })
          .strict(),
      )
      .min(1),
    roles: z
      .array(
        z
          .object({ id: z.string().min(1), organisationId: z.string().min(1), role: RoleInputSchema })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type MatchFile = z.infer<typeof MatchFileSchema>;

/** The bundled area master as Areas keyed by code. */
export function bundledAreas(): Map<string, Area> {
  return new Map(
    AREA_RECORDS.map((r) => [
      r.code,
      {
        code: r.code,
        kind: r.kind,
        prefCode: r.prefCode,
        prefecture: r.prefecture,
        parentCode: r.parentCode,
        name: r.name,
        kana: r.kana,
        point: r.lat != null && r.lng != null ? { lat: r.lat, lng: r.lng } : null,
      },
    ]),
  );
}

/**
 * Ranks every member's roles from a validated file.
 * @example rankFile(MatchFileSchema.parse(json), bundledAreas(), 'ja')
 */
export function rankFile(file: MatchFile, areas: Map<string, Area>, lang: 'ja' | 'en', date?: string) {
  const roles = file.roles.map((r) => ({
    ...r.role,
    id: r.id,
    organisationId: r.organisationId,
    facts: factsOf(r.role.facts),
  }));
  const members = file.members.map((m) => ({ ...m.profile, id: m.id, supportStage: m.supportStage }));
  const unknown = areaCodesOf(roles, members).filter((code) => !areas.get(code)?.point);
  if (unknown.length) throw new Error(`unknown area codes (or areas without a point): ${unknown.join(', ')}`);
  const matchRoles = roles.map((role) => toMatchRole(role, areas));
  const titles = new Map(roles.map((r) => [r.id, r.title]));
  const evaluationDate = date ?? file.evaluationDate ?? japanDate(new Date());
  return {
    evaluationDate,
    members: members.map((member) => {
      const ranking = rankRolesForMember(toMatchMember(member, areas), matchRoles, { evaluationDate });
      return {
        memberId: member.id,
        ranked: ranking.ranked.map((m) => ({
          roleId: m.roleId,
          title: titles.get(m.roleId),
          ...explainMatch(m, lang),
        })),
        infeasible: ranking.infeasible.map((m) => ({
          roleId: m.roleId,
          title: titles.get(m.roleId),
          ...explainInfeasible(m, lang),
        })),
      };
    }),
  };
}

/** A role input's stated facts, none verified yet. */
function factsOf(facts: MatchFile['roles'][number]['role']['facts']) {
  return Object.fromEntries(
    Object.entries(facts).map(([fact, available]) => [
      fact,
      { available: available === true, verified: false },
    ]),
  );
}

function main() {
  const { values } = parseArgs({
    options: { input: { type: 'string' }, lang: { type: 'string', default: 'ja' }, date: { type: 'string' } },
  });
  if (!values.input || (values.lang !== 'ja' && values.lang !== 'en')) {
    console.error('usage: npm run match -- --input FILE [--lang ja|en] [--date YYYY-MM-DD]');
    process.exit(2);
  }
  const parsed = MatchFileSchema.safeParse(JSON.parse(readFileSync(values.input, 'utf8')));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
    process.exit(2);
  }
  const result = rankFile(parsed.data, bundledAreas(), values.lang, values.date);
  console.log(JSON.stringify(result, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) main();
