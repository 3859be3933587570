/**
 * The employer's roles: list, create and edit with the schedule editor, publish and close.
 */
import { newPageRouter } from '../../web/pages.tsx';

export const rolePages = newPageRouter();
