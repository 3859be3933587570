/**
 * Builds every feature's service once from the app's dependencies. Services decide; routes only
 * translate HTTP to calls on these.
 */
import type { AppDeps } from './deps.ts';
import { createAreaService } from './features/areas/area.service.ts';
import { createAuthService } from './features/auth/auth.service.ts';
import { createCoordinationService } from './features/coordination/coordination.service.ts';
import { createDashboardService } from './features/dashboard/dashboard.service.ts';
import { createFavouriteService } from './features/favourites/favourite.service.ts';
import { createFollowUpService } from './features/follow-up/follow-up.service.ts';
import { createHealthService } from './features/health/health.service.ts';
import { createCandidateService } from './features/matches/candidates.service.ts';
import { createMatchService } from './features/matches/match.service.ts';
import { createMatchEndings } from './features/matches/match-endings.ts';
import { createSuggestionJob } from './features/matches/suggestions.ts';
import { createMeetingService } from './features/meetings/meeting.service.ts';
import { createMemberService } from './features/members/member.service.ts';
import { createMemberDataService } from './features/members/member-data.service.ts';
import { createMentoringService } from './features/mentoring/mentoring.service.ts';
import { createNoticeService } from './features/notices/notice.service.ts';
import { createNotificationService } from './features/notifications/notification.service.ts';
import { createBranchService } from './features/organisations/branch.service.ts';
import { createOrganisationService } from './features/organisations/organisation.service.ts';
import { createProspectService } from './features/prospects/prospect.service.ts';
import { createRelocationService } from './features/relocation/relocation.service.ts';
import { createRoleService } from './features/roles/role.service.ts';
import { createRoleExpiryJob } from './features/roles/role-expiry.ts';
import { createSavedSearchService } from './features/saved-searches/saved-search.service.ts';
import { createJobSearchService } from './features/search/job-search.service.ts';
import { createSensitiveService } from './features/sensitive/sensitive.ts';

export function createServices(deps: AppDeps) {
  const areas = createAreaService(deps);
  const endings = createMatchEndings(deps.database.db);
  const organisations = createOrganisationService(deps, areas, endings);
  const branches = createBranchService(deps, areas);
  const roles = createRoleService(deps, areas, organisations, endings, branches);
  const members = createMemberService(deps, areas, endings);
  const jobs = createJobSearchService(deps, { areas, members, branches }, deps.jobIndex);
  const matches = createMatchService(deps, { areas, roles, members });
  const auth = createAuthService(deps);
  const coordination = createCoordinationService(deps, { areas, members, roles });
  const sensitive = createSensitiveService(deps);
  const notifications = createNotificationService(deps);
  const followUp = createFollowUpService(deps, { matches });
  const mentoring = createMentoringService(deps, { members, followUp });
  const notices = createNoticeService(deps, { areas });
  const meetings = createMeetingService(deps, { areas });
  const savedSearches = createSavedSearchService(deps, { jobs });
  const roleExpiry = createRoleExpiryJob(deps);
  const favourites = createFavouriteService(deps, { roles });
  return {
    auth,
    areas,
    organisations,
    branches,
    roles,
    members,
    jobs,
    favourites,
    savedSearches,
    roleExpiry,
    suggestions: createSuggestionJob(deps, { jobs, members }),
    candidates: createCandidateService(deps, { areas, roles, members }),
    matches,
    dashboard: createDashboardService(deps, matches),
    coordination,
    sensitive,
    notifications,
    followUp,
    mentoring,
    notices,
    meetings,
    prospects: createProspectService(deps, { areas }),
    relocation: createRelocationService(deps, { areas, members, notices, jobs }),
    /**
     * The scheduled care: check-ins opening and unanswered, mentoring sessions missed, the digest
     * of new area notices, the reminders of tomorrow's exchange meetings, ads expiring (and the
     * week-ahead notice to their employers), and the new-job alerts of saved searches.
     */
    async careJob() {
      return {
        ...(await followUp.run()),
        ...(await mentoring.run()),
        ...(await notices.run()),
        ...(await meetings.run()),
        ...(await roleExpiry.run()),
        ...(await savedSearches.runAlerts()),
      };
    },
    memberData: createMemberDataService(deps, {
      auth,
      members,
      matches,
      notifications,
      sensitive,
      coordination,
      favourites,
      savedSearches,
    }),
    health: createHealthService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
