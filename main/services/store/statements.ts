import type Database from 'better-sqlite3';

/**
 * Statements prepared once per connection, by their text: preparing one costs about as much as running it (two
 * preparations were a quarter of an autosave's CPU time, bench/run.ts), and an import of a folder prepared some
 * twenty per package again (bench/exchange.ts). A plucking statement is kept apart from a row-returning one of
 * the same text, so that no caller changes what another's statement returns.
 */
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(db: Database.Database, sql: string, pluck = false): Database.Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  const key = pluck ? `pluck:${sql}` : sql;
  let statement = statements.get(key);
  if (!statement) {
    statement = db.prepare(sql);
    if (pluck) statement.pluck();
    statements.set(key, statement);
  }
  return statement;
}
