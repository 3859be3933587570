/** What a member keeps for later: favourite roles and saved searches with their alerts (0021). */

export interface FavouriteTable {
  user_id: string;
  role_id: string;
  created_at: string;
}

export interface SavedSearchTable {
  id: string;
  user_id: string;
  name: string;
  /** The canonical query string of the validated search (job-search.schemas.ts). */
  query: string;
  frequency: 'daily' | 'weekly';
  /** Roles published up to this instant have been considered for an alert. */
  checked_until: string;
  next_alert_at: string;
  last_alert_at: string | null;
  created_at: string;
  updated_at: string;
}
