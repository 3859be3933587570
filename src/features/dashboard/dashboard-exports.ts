/**
 * The coordinators' two exports as the CSV files they open in Excel, in Japanese: the service
 * gives the rows with states as codes, this says them with the state names the coordinators'
 * pages use.
 */
import { commonJa } from '../../web/messages/common.ts';
import { csvDateTime, toCsv } from './csv.ts';
import type { createDashboardService } from './dashboard.service.ts';

type DashboardService = ReturnType<typeof createDashboardService>;

const STATE_LABELS: Record<string, string> = commonJa.matchStates;

/** @example queueCsv(await services.dashboard.queueForExport()) // '\uFEFF"マッチID","状態",…' */
export function queueCsv(items: Awaited<ReturnType<DashboardService['queueForExport']>>): string {
  return toCsv([
    ['マッチID', '状態', '希望日時', '氏名', '支援段階', '都道府県', '求人', '事業者'],
    ...items.map((i) => [
      i.id,
      STATE_LABELS[i.state] ?? i.state,
      csvDateTime(i.interestedAt),
      i.member.name,
      i.member.supportStage,
      i.member.prefecture,
      i.roleTitle,
      i.organisationName,
    ]),
  ]);
}

/** @example outcomesCsv(await services.dashboard.outcomesForExport()) // '\uFEFF"マッチID","状態",…' */
export function outcomesCsv(rows: Awaited<ReturnType<DashboardService['outcomesForExport']>>): string {
  return toCsv([
    ['マッチID', '状態', '紹介日時', '最終更新', '求人', '事業者', '氏名', '理由'],
    ...rows.map((r) => [
      r.id,
      STATE_LABELS[r.state] ?? r.state,
      csvDateTime(r.decided_at),
      csvDateTime(r.updated_at),
      r.title,
      r.organisation,
      `${r.family_name} ${r.given_name}`,
      r.last_reason,
    ]),
  ]);
}
