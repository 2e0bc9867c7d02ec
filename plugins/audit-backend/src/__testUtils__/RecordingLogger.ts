import {
  LoggerService,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';

export type LogEntry = {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  meta?: Error | JsonObject;
  fields: JsonObject;
};

/** A root logger that keeps every entry with the fields its children added. */
export class RecordingLogger implements RootLoggerService {
  constructor(
    readonly entries: LogEntry[] = [],
    private readonly fields: JsonObject = {},
  ) {}

  child(fields: JsonObject): LoggerService {
    return new RecordingLogger(this.entries, { ...this.fields, ...fields });
  }

  debug(message: string, meta?: Error | JsonObject) {
    this.entries.push({ level: 'debug', message, meta, fields: this.fields });
  }
  info(message: string, meta?: Error | JsonObject) {
    this.entries.push({ level: 'info', message, meta, fields: this.fields });
  }
  warn(message: string, meta?: Error | JsonObject) {
    this.entries.push({ level: 'warn', message, meta, fields: this.fields });
  }
  error(message: string, meta?: Error | JsonObject) {
    this.entries.push({ level: 'error', message, meta, fields: this.fields });
  }
}
