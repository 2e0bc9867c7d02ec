import { scramSha256Verifier } from '../scram';

/**
 * Whether a stored SCRAM-SHA-256 verifier (pg_authid.rolpassword) is the one of this
 * password: recomputed with the verifier's own salt and iteration count.
 */
export function verifierMatches(verifier: string, password: string): boolean {
  const match = /^SCRAM-SHA-256\$(\d+):([^$]+)\$/.exec(verifier);
  if (!match) {
    return false;
  }
  const [, iterations, salt] = match;
  return (
    scramSha256Verifier(
      password,
      Buffer.from(salt, 'base64'),
      Number(iterations),
    ) === verifier
  );
}
