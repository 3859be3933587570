/**
 * What to send back to `PUT` after a `GET`, for a role and for a member profile. The read shapes
 * carry what the service adds (ids, status, timestamps, area names, whether a coordinator checked
 * a fact); the write shapes take only what the caller decides. These functions keep the
 * caller's part, field for field, so "read, change one thing, write back" never loses or alters
 * anything else (`test/round-trip.test.ts` proves GET → PUT → GET is unchanged).
 */
import type { Schemas } from './client.ts';

/** The role as `PUT /api/roles/{id}` takes it, from what `GET /api/roles/{id}` returned. */
export function roleInputFrom(role: Schemas['Role']): Schemas['RoleInput'] {
  const {
    id: _id,
    organisation: _organisation,
    status: _status,
    publishedAt: _publishedAt,
    closedAt: _closedAt,
    expiresAt: _expiresAt,
    expiredAt: _expiredAt,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    version: _version,
    locations,
    facts,
    ...decided
  } = role;
  return {
    ...decided,
    // Area names are looked up from the code; only the code and her label are hers to set.
    // The town and address are hers too; the point is looked up from them.
    locations: locations.map(({ areaCode, label, town, address }) => ({
      areaCode,
      ...(label !== undefined ? { label } : {}),
      ...(town !== undefined ? { town } : {}),
      ...(address !== undefined ? { address } : {}),
    })),
    // Whether a coordinator checked a fact is the coordinator's; the employer states availability.
    facts: Object.fromEntries(Object.entries(facts).map(([key, fact]) => [key, fact.available])),
  };
}

/** The profile as `PUT /api/members/me` takes it, from what `GET /api/members/me` returned. */
export function profileInputFrom(profile: Schemas['MemberProfile']): Schemas['MemberProfileInput'] {
  const {
    userId: _userId,
    supportStage: _supportStage,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    version: _version,
    area,
    homePoint: _homePoint,
    targetAreas,
    ...decided
  } = profile;
  return {
    ...decided,
    areaCode: area.code,
    targetAreas: targetAreas.map(({ code, needsRelocationSupport }) => ({
      areaCode: code,
      needsRelocationSupport,
    })),
  };
}
