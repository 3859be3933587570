/**
 * The member's matches and withdrawing.
 */
import { newPageRouter } from '../../web/pages.tsx';

export const myMatchPages = newPageRouter();
