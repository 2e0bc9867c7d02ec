import { z } from 'zod';

/**
 * A git commit SHA as git writes it: 7 to 64 hexadecimal digits (abbreviated, SHA-1 or
 * SHA-256). It reaches GitOps commit messages, so nothing else may pass.
 */
export const commitShaSchema = z.string().regex(/^[0-9a-fA-F]{7,64}$/, {
  message: 'must be a git commit SHA: 7 to 64 hexadecimal digits',
});
