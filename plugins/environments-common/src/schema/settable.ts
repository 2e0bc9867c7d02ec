import { z } from 'zod';
import { SettableParameter } from './environmentClass';

/** The zod schema of what a requester may send for one settable parameter. */
export function settableValueSchema(spec: SettableParameter): z.ZodType {
  switch (spec.type) {
    case 'string': {
      let s = z.string();
      if (spec.maxLength) s = s.max(spec.maxLength);
      if (spec.pattern) s = s.regex(new RegExp(spec.pattern));
      return spec.enum
        ? s.refine(v => spec.enum!.includes(v), {
            message: `must be one of ${spec.enum.join(', ')}`,
          })
        : s;
    }
    case 'integer':
    case 'number': {
      let n = spec.type === 'integer' ? z.number().int() : z.number();
      if (spec.min !== undefined) n = n.min(spec.min);
      if (spec.max !== undefined) n = n.max(spec.max);
      return n;
    }
    case 'boolean':
      return z.boolean();
    case 'string-list': {
      const item = spec.enum
        ? z.enum(spec.enum as [string, ...string[]])
        : z.string();
      let list = z.array(item);
      if (spec.maxItems) list = list.max(spec.maxItems);
      return list;
    }
    case 'string-map': {
      let value = z.string();
      if (spec.maxValueLength) value = value.max(spec.maxValueLength);
      const key = spec.keyPattern
        ? z.string().regex(new RegExp(spec.keyPattern))
        : z.string().min(1);
      return z
        .record(key, value)
        .refine(
          m => !spec.maxEntries || Object.keys(m).length <= spec.maxEntries,
          { message: `must have at most ${spec.maxEntries} entries` },
        );
    }
    default:
      return z.never();
  }
}
