/**
 * The coordinator's page for one member: stage, consultation notes.
 */
import { newPageRouter } from '../../web/pages.tsx';

export const memberSupportPages = newPageRouter();
