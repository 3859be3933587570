/**
 * The coordinator's employer verification.
 */
import { newPageRouter } from '../../web/pages.tsx';

export const verificationPages = newPageRouter();
