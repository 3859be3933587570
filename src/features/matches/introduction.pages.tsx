/**
 * The employer's introductions and outcome recording.
 */
import { newPageRouter } from '../../web/pages.tsx';

export const introductionPages = newPageRouter();
