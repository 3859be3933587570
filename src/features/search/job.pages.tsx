/**
 * Browsing jobs with filters and facets, a role's detail, and saying she is interested.
 */
import { newPageRouter } from '../../web/pages.tsx';

export const jobPages = newPageRouter();
