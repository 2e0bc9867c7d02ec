import { z } from 'zod';

export const entityRefParams = z.object({
  kind: z.string().min(1),
  namespace: z.string().min(1),
  name: z.string().min(1),
});

export function entityRefOf(params: z.infer<typeof entityRefParams>) {
  return `${params.kind}:${params.namespace}/${params.name}`.toLocaleLowerCase();
}
