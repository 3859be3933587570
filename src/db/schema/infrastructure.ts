/** Bookkeeping for background work: where a sliced job stopped, and change counters that caches compare. */
/** Where a sliced job resumes; see migration 0009. */
export interface JobProgressTable {
  job: string;
  resume_after: string;
  updated_at: string;
}

/** Counters stepped by triggers on every write to a table (see migration 0017). */
export interface ChangeCounterTable {
  name: string;
  value: number;
}
