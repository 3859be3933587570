/**
 * The coordinator's dashboard with server-rendered SVG charts and CSV exports.
 */
import { newPageRouter } from '../../web/pages.tsx';

export const dashboardPages = newPageRouter();
