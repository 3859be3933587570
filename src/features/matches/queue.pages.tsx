/**
 * The coordinator's queue, match detail side by side, and decisions.
 */
import { newPageRouter } from '../../web/pages.tsx';

export const queuePages = newPageRouter();
