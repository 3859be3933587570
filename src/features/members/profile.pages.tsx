/**
 * The member's home, profile editor and privacy settings.
 */
import { newPageRouter } from '../../web/pages.tsx';

export const profilePages = newPageRouter();
