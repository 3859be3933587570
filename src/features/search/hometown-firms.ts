/**
 * 「地元で働ける全国企業」: for a member with target areas (the hometown she would move back to, a
 * town she plans to move to), the roles of national firms posted at a place within one of them.
 * Worked out for the hits of one page only (a handful of ids), from the roles already loaded and
 * one query on the organisations, so the search index needs nothing new.
 */
import type { Area } from '../areas/area.service.ts';
import type { MemberProfile } from '../members/member.schemas.ts';
import type { JobHit } from './job-search.schemas.ts';

export interface HometownFirmSources {
  /** Areas by code (the area master, cached). */
  places(codes: readonly string[]): Promise<Map<string, Area>>;
  /** Which of these organisations members are shown as a 全国企業 (the organisations' rule). */
  nationalFirms(organisationIds: readonly string[]): Promise<Set<string>>;
}

/** A place and the places it lies in: a ward, its city, its prefecture. */
function placesAround(code: string, places: ReadonlyMap<string, Area>): string[] {
  const chain = [code];
  for (let area = places.get(code); area?.parentCode; area = places.get(area.parentCode))
    chain.push(area.parentCode);
  return chain;
}

/**
 * The hits with `hometownNationalFirm: true` where the role's firm is a 全国企業 and one of its
 * locations lies in one of her target areas (a prefecture holds its towns, a city its wards).
 * @example const items = await markHometownNationalFirms(page, profile, { places, nationalFirms })
 */
export async function markHometownNationalFirms(
  hits: JobHit[],
  profile: MemberProfile | undefined,
  sources: HometownFirmSources,
): Promise<JobHit[]> {
  const targets = new Set(profile?.targetAreas.map((t) => t.code) ?? []);
  if (targets.size === 0 || hits.length === 0) return hits;
  const codes = [...new Set(hits.flatMap((h) => h.role.locations.map((l) => l.areaCode)))];
  const places = await sources.places(codes);
  // Up the master to the prefectures (a ward's city, then its prefecture): at most two more steps.
  for (;;) {
    const missing = [...places.values()].flatMap((a) =>
      a.parentCode && !places.has(a.parentCode) ? [a.parentCode] : [],
    );
    if (missing.length === 0) break;
    for (const [code, area] of await sources.places(missing)) places.set(code, area);
    if (missing.every((code) => !places.has(code))) break;
  }
  const inHometown = (hit: JobHit) =>
    hit.role.locations.some((l) => placesAround(l.areaCode, places).some((code) => targets.has(code)));
  const candidates = hits.filter(inHometown);
  if (candidates.length === 0) return hits;
  const national = await sources.nationalFirms(candidates.map((h) => h.role.organisation.id));
  return hits.map((hit) =>
    national.has(hit.role.organisation.id) && candidates.includes(hit)
      ? { ...hit, hometownNationalFirm: true }
      : hit,
  );
}
