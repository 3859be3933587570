/**
 * `npm run -s towns:sql > data/towns.sql`: the town master as SQL for D1, to load once after the
 * migrations with `npx wrangler d1 execute yorisoi --remote --file data/towns.sql` (the README's
 * deploy steps; `npm run dev:worker` does the same for the local D1 by itself).
 */
import { townsSql } from './towns.ts';

process.stdout.write(townsSql());
