/**
 * `npm run match -- --input FILE [--lang en] [--date YYYY-MM-DD] [--json]`: ranks the roles in a
 * JSON file for each member in it. Members and roles use the API's own input shapes (validated by
 * the same zod schemas), plus what the API knows beside them: a role's coordinator-verified facts
 * and open introductions, a member's support stage. Areas come from the bundled area master, so no
 * database or search engine is needed. See matching/examples/ for the file format.
 *
 * Without `--json` it prints a readable summary; with it, the stable shape documented in
 * matching/README.md (`MATCH_JSON_VERSION`): ranked role ids with scores and reasons, near misses
 * with their margins, infeasible roles with their codes.
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
import { FACT_KEYS, RoleInputSchema } from '../../features/roles/role.schemas.ts';
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
          .object({
            id: z.string().min(1),
            organisationId: z.string().min(1),
            role: RoleInputSchema,
            verifiedFacts: z.array(z.enum(FACT_KEYS)).optional(),
            openIntroductions: z.number().int().min(0).optional(),
          })
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
    facts: factsOf(r.role.facts, r.verifiedFacts ?? []),
    openIntroductions: r.openIntroductions ?? 0,
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
      // As she browses: every role that fits her, her stage shaping nothing she may see.
      const ranking = rankRolesForMember(toMatchMember(member, areas), matchRoles, {
        evaluationDate,
        enforceStage: false,
      });
      return {
        memberId: member.id,
        ranked: ranking.ranked.map((m) => ({
          roleId: m.roleId,
          title: titles.get(m.roleId),
          rankScore: m.rankScore,
          ...explainMatch(m, lang),
        })),
        nearMisses: ranking.nearMisses.map((m) => ({ roleId: m.roleId, ...explainInfeasible(m, lang) })),
        infeasible: ranking.infeasible.map((m) => ({
          roleId: m.roleId,
          title: titles.get(m.roleId),
          codes: m.violations.map((v) => v.code),
          ...explainInfeasible(m, lang),
        })),
        excluded: ranking.excludedCounts,
      };
    }),
  };
}

/** A role input's stated facts, verified where the file says a coordinator checked them. */
function factsOf(facts: MatchFile['roles'][number]['role']['facts'], verified: readonly string[]) {
  return Object.fromEntries(
    Object.entries(facts).map(([fact, available]) => [
      fact,
      { available: available === true, verified: available === true && verified.includes(fact) },
    ]),
  );
}

/** Bumped whenever a field of the `--json` output changes meaning or goes away. */
export const MATCH_JSON_VERSION = 1;

/**
 * The stable `--json` shape: per member, ranked roles (id, score, reasons as code/tone/text), near
 * misses (id, codes, margins) and infeasible roles (id, codes, sentences), plus exclusion counts.
 *
 * @example toStableJson(rankFile(file, bundledAreas(), 'ja')).members[0].ranked[0].roleId
 */
export function toStableJson(result: ReturnType<typeof rankFile>) {
  return {
    version: MATCH_JSON_VERSION,
    evaluationDate: result.evaluationDate,
    members: result.members.map((m) => ({
      memberId: m.memberId,
      ranked: m.ranked.map((r) => ({
        roleId: r.roleId,
        score: round(r.score),
        rankScore: round(r.rankScore),
        memberSide: round(r.memberSide),
        employerSide: round(r.employerSide),
        commuteMinutes: r.commuteMinutes,
        components: Object.fromEntries(r.components.map((c) => [c.key, round(c.score)])),
        reasons: r.reasons,
        memberReasons: r.memberReasons,
        employerReasons: r.employerReasons,
      })),
      nearMisses: m.nearMisses.map((n) => ({
        roleId: n.roleId,
        codes: n.violations.map((v) => v.code),
        margins: n.margins,
      })),
      infeasible: m.infeasible.map((i) => ({
        roleId: i.roleId,
        codes: i.codes,
        nearMiss: i.nearMiss,
        margins: i.margins,
        violations: i.violations,
      })),
      excluded: m.excluded,
    })),
  };
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/** A readable summary: one block per member, ranked roles with their first reasons, the rest apart. */
function toText(result: ReturnType<typeof rankFile>): string {
  const lines: string[] = [`evaluation date ${result.evaluationDate}`];
  for (const m of result.members) {
    lines.push('', `■ ${m.memberId}`);
    m.ranked.forEach((r, i) => {
      lines.push(`  ${i + 1}. ${r.roleId} ${r.title ?? ''}  ${r.score.toFixed(3)}`);
      // Hers first (what the role means for her), then the employer's (how she suits the role).
      for (const reason of r.memberReasons.slice(0, 4)) lines.push(`       ${reason.text}`);
      for (const reason of r.employerReasons.slice(0, 2)) lines.push(`       ［事業者向け］${reason.text}`);
    });
    for (const n of m.nearMisses)
      lines.push(
        `  △ ${n.roleId}  ${n.violations.map((v) => v.text).join(' / ')}（${n.margins.map((g) => g.text).join('・')}）`,
      );
    for (const i of m.infeasible.filter((x) => !x.nearMiss))
      lines.push(`  × ${i.roleId}  ${i.violations.map((v) => v.text).join(' / ')}`);
  }
  return lines.join('\n');
}

function main() {
  const { values } = parseArgs({
    options: {
      input: { type: 'string' },
      lang: { type: 'string', default: 'ja' },
      date: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.input || (values.lang !== 'ja' && values.lang !== 'en')) {
    console.error('usage: npm run match -- --input FILE [--lang ja|en] [--date YYYY-MM-DD] [--json]');
    process.exit(2);
  }
  const parsed = MatchFileSchema.safeParse(JSON.parse(readFileSync(values.input, 'utf8')));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
    process.exit(2);
  }
  const result = rankFile(parsed.data, bundledAreas(), values.lang, values.date);
  console.log(values.json ? JSON.stringify(toStableJson(result), null, 2) : toText(result));
}

if (import.meta.url === `file://${process.argv[1]}`) main();
