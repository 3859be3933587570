/**
 * Who hears of which match change, in words: the employer on a new introduction (and if she
 * withdraws from one), the member on approval, rejection and each outcome the employer records.
 */
import { newId } from '../../deps.ts';
import type { MatchAction } from '../matches/match-lifecycle.ts';
import type { Announcement } from './notification.repository.ts';

export interface AnnouncedMatch {
  id: string;
  memberId: string;
  roleTitle: string;
  organisationName: string;
}

/**
 * @example announcementsFor('approve', match, '平日日中が合っています', ['employer-user-id']).length // 2
 */
export function announcementsFor(
  action: MatchAction,
  match: AnnouncedMatch,
  reason: string | undefined,
  employerUserIds: readonly string[],
): Announcement[] {
  const toMember = (kind: string, title: string, body: string): Announcement => ({
    id: newId(),
    userId: match.memberId,
    kind,
    matchId: match.id,
    title,
    body,
  });
  const toEmployers = (kind: string, title: string, body: string): Announcement[] =>
    employerUserIds.map((userId) => ({ id: newId(), userId, kind, matchId: match.id, title, body }));
  const role = `「${match.roleTitle}」`;
  const why = reason?.trim() ? `（${reason.trim()}）` : '';
  // The coordinator's reason for an introduction is written for both of them: they are told so.
  const coordinatorSays = reason?.trim() ? `コーディネーターより：「${reason.trim()}」` : '';
  switch (action) {
    case 'approve':
      return [
        toMember(
          'approved',
          'ご紹介が決まりました',
          `${match.organisationName}の${role}にご紹介しました。担当者からの連絡をお待ちください。${coordinatorSays}`,
        ),
        ...toEmployers(
          'introduction',
          '新しいご紹介があります',
          `${role}にコーディネーターがおひとりをご紹介しました。${coordinatorSays}`,
        ),
      ];
    case 'reject':
      return [
        toMember('rejected', '今回はご紹介を見送りました', `${role}へのご紹介は見送りとなりました${why}。`),
      ];
    case 'record_interview':
      return [toMember('outcome', '面接に進みます', `${match.organisationName}の${role}で面接に進みます。`)];
    case 'record_hired':
      return [
        toMember(
          'outcome',
          '採用が決まりました',
          `${match.organisationName}の${role}で採用が決まりました。おめでとうございます。`,
        ),
      ];
    case 'record_not_hired':
      return [
        toMember('outcome', '今回は採用に至りませんでした', `${role}は今回は採用に至りませんでした${why}。`),
      ];
    default:
      return [];
  }
}

/** A withdrawal the employer already knew of (after an introduction) is announced to them. */
export function withdrawalAnnouncements(
  match: AnnouncedMatch,
  employerUserIds: readonly string[],
): Announcement[] {
  return employerUserIds.map((userId) => ({
    id: newId(),
    userId,
    kind: 'withdrawn',
    matchId: match.id,
    title: 'ご紹介が取り下げられました',
    body: `「${match.roleTitle}」へのご紹介は、ご本人の希望で取り下げられました。`,
  }));
}
