/** Splits items for statements that stay under both databases' parameter limits. */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}

/**
 * Rows per multi-row insert: knex writes one on SQLite as a compound SELECT, which SQLite caps
 * at 500 terms ("too many terms in compound SELECT" at 501).
 */
export const INSERT_ROWS = 500;

export function insertChunks<T>(rows: readonly T[]): T[][] {
  return chunks(rows, INSERT_ROWS);
}
