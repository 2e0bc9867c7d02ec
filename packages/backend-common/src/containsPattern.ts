/**
 * A case-insensitive substring search as a LIKE pattern, with the user's `%`, `_` and `\`
 * taken literally. Use it as `lower(column) like ? escape '\'` (PostgreSQL and SQLite).
 */
export function containsPattern(text: string): string {
  return `%${text.toLocaleLowerCase().replace(/[\\%_]/g, c => `\\${c}`)}%`;
}

/** The SQL that goes with containsPattern, for `whereRaw(\`lower(??) ${LIKE_ESCAPED}\`)`. */
export const LIKE_ESCAPED = "like ? escape '\\'";
