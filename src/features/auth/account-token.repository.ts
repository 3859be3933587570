/**
 * Queries on one-time account tokens (address verification, password reset). Only hashes are
 * stored; a token counts while unused and unexpired.
 */
import type { Kysely } from 'kysely';
import type { AccountTokenTable, DB } from '../../db/schema.ts';

export type TokenPurpose = AccountTokenTable['purpose'];

export function insertAccountToken(db: Kysely<DB>, token: Omit<AccountTokenTable, 'used_at'>) {
  return db.insertInto('account_tokens').values({ ...token, used_at: null });
}

/** The live token's row with its account, or undefined when unknown, used or expired. */
export function findLiveToken(db: Kysely<DB>, tokenHash: string, purpose: TokenPurpose, now: string) {
  return db
    .selectFrom('account_tokens')
    .innerJoin('users', 'users.id', 'account_tokens.user_id')
    .selectAll('users')
    .where('account_tokens.token_hash', '=', tokenHash)
    .where('account_tokens.purpose', '=', purpose)
    .where('account_tokens.used_at', 'is', null)
    .where('account_tokens.expires_at', '>', now)
    .executeTakeFirst();
}

/** Uses up every open token of this purpose for the account (the one just followed and older ones). */
export function useTokens(db: Kysely<DB>, userId: string, purpose: TokenPurpose, at: string) {
  return db
    .updateTable('account_tokens')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null);
}

/** Tokens past their time are of no use to anyone; removed as new ones are made. */
export function deleteExpiredTokens(db: Kysely<DB>, userId: string, now: string) {
  return db.deleteFrom('account_tokens').where('user_id', '=', userId).where('expires_at', '<=', now);
}
