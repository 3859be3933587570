/**
 * Writes a query's LIMIT into its SQL text instead of binding it. SQLite's planner reads a bound
 * LIMIT's value when it plans ORDER BY … LIMIT, so it marks that parameter as one whose new value
 * may change the plan: every execution then rebinds it and SQLite recompiles the whole statement
 * before running it. Measured at 100k roles, a member's notices (no rows at all) cost 100 µs with
 * `LIMIT ?` and 3 µs with `LIMIT 50`; the statements we keep prepared (sqlite.ts) were being
 * compiled again on every call all the same. OFFSET is not read by the planner and stays bound,
 * so paging does not multiply the distinct SQL texts; page sizes are a handful of numbers.
 */
import {
  type KyselyPlugin,
  LimitNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  SelectQueryNode,
  type UnknownRow,
  ValueNode,
} from 'kysely';

/** Only whole numbers go into the text: anything else stays a bound parameter, as Kysely had it. */
function literalLimit(node: RootOperationNode): RootOperationNode {
  if (!SelectQueryNode.is(node) || !node.limit || !ValueNode.is(node.limit.limit)) return node;
  const value = node.limit.limit.value;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return node;
  return SelectQueryNode.cloneWithLimit(node, LimitNode.create(ValueNode.createImmediate(value)));
}

/**
 * The plugin for the Node SQLite dialect. It looks only at the outermost select (our subqueries
 * with a LIMIT are written in SQL with literal limits), so it costs a property check per query.
 * @example new Kysely<DB>({ dialect, plugins: [literalLimits] })
 */
export const literalLimits: KyselyPlugin = {
  transformQuery: ({ node }: PluginTransformQueryArgs) => literalLimit(node),
  transformResult: async ({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => result,
};
