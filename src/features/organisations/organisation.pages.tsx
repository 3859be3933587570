/**
 * The employer's organisation profile page.
 */
import { newPageRouter } from '../../web/pages.tsx';

export const organisationPages = newPageRouter();
