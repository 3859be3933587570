/**
 * Builds every feature's service once from the app's dependencies. Services decide; routes only
 * translate HTTP to calls on these.
 */
import type { AppDeps } from './deps.ts';
import { createAreaService } from './features/areas/area.service.ts';
import { createAuthService } from './features/auth/auth.service.ts';
import { createCoordinationService } from './features/coordination/coordination.service.ts';
import { createDashboardService } from './features/dashboard/dashboard.service.ts';
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
import { createOrganisationService } from './features/organisations/organisation.service.ts';
import { createProspectService } from './features/prospects/prospect.service.ts';
import { createRelocationService } from './features/relocation/relocation.service.ts';
import { createRoleService } from './features/roles/role.service.ts';
import { createJobSearchService } from './features/search/job-search.service.ts';
import { createSensitiveService } from './features/sensitive/sensitive.ts';

export function createServices(deps: AppDeps) {
  const areas = createAreaService(deps);
  const endings = createMatchEndings(deps.database.db);
  const organisations = createOrganisationService(deps, areas, endings);
  const roles = createRoleService(deps, areas, organisations, endings);
  const members = createMemberService(deps, areas, endings);
  const jobs = createJobSearchService(deps, { areas, members }, deps.jobIndex);
  const matches = createMatchService(deps, { areas, roles, members });
  const auth = createAuthService(deps);
  const coordination = createCoordinationService(deps, { areas, members, roles });
  const sensitive = createSensitiveService(deps);
  const notifications = createNotificationService(deps);
  const followUp = createFollowUpService(deps, { matches });
  const mentoring = createMentoringService(deps, { members, followUp });
  const notices = createNoticeService(deps, { areas });
  const meetings = createMeetingService(deps, { areas });
  return {
    auth,
    areas,
    organisations,
    roles,
    members,
    jobs,
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
     * of new area notices, and the reminders of tomorrow's exchange meetings.
     */
    async careJob() {
      return {
        ...(await followUp.run()),
        ...(await mentoring.run()),
        ...(await notices.run()),
        ...(await meetings.run()),
      };
    },
    memberData: createMemberDataService(deps, {
      auth,
      members,
      matches,
      notifications,
      sensitive,
      coordination,
    }),
    health: createHealthService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
