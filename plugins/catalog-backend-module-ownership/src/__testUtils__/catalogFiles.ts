/** Groups and their member users as one catalog YAML file (users name their memberOf). */
export function orgYaml(teams: Record<string, string[]>): string {
  const docs: string[] = [];
  for (const [team, users] of Object.entries(teams)) {
    docs.push(
      `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: ${team} }\nspec: { type: team, children: [] }\n`,
    );
    for (const user of users) {
      docs.push(
        `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: ${user} }\nspec: { memberOf: [${team}] }\n`,
      );
    }
  }
  return docs.join('---\n');
}

/** Polls until `check` resolves truthy; the catalog processes asynchronously. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}
