/**
 * Turns an OpenAPI path template into a concrete path with the ids a test holds, so tests that
 * walk every documented route fill them the same way.
 */
export interface RouteIds {
  roleId: string;
  organisationId: string;
  memberId: string;
  matchId: string;
  notificationId: string;
}

/** @example concretePath('/api/roles/{id}/publish', ids) // '/api/roles/3f1c…/publish' */
export function concretePath(path: string, ids: RouteIds): string {
  return (
    path
      .replace('/api/roles/{id}', `/api/roles/${ids.roleId}`)
      .replace('/api/jobs/{id}', `/api/jobs/${ids.roleId}`)
      .replace('/api/matches/{id}', `/api/matches/${ids.matchId}`)
      .replace('/api/introductions/{id}', `/api/introductions/${ids.matchId}`)
      .replace('/api/organisations/{id}', `/api/organisations/${ids.organisationId}`)
      .replace('/api/members/{id}', `/api/members/${ids.memberId}`)
      .replace('/api/notifications/{id}', `/api/notifications/${ids.notificationId}`)
      .replace('{code}', '141003')
      .replace('{areaCode}', '141003')
      // Check-ins, follow-ups and mentoring: an id of the wrong kind is as unknown as any other.
      .replaceAll('{id}', ids.matchId)
      .replace('{fact}', 'sick_child_absence_ok')
      .replace('{token}', 'an-unknown-invitation-token-0000')
  );
}
