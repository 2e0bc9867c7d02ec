import { LoggerService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { DriverContext } from '../ResourceDriver';

/** Every line a driver wrote, to the environment's log and to the backend logger. */
export type LogLines = string[];

/** A logger that keeps its lines (message and fields) for assertions. */
export function recordingLogger(lines: LogLines): LoggerService {
  const write =
    (level: string) => (message: string, meta?: Error | JsonObject) => {
      lines.push(
        `${level} ${message} ${
          meta instanceof Error ? meta.stack : JSON.stringify(meta ?? {})
        }`,
      );
    };
  const logger: LoggerService = {
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: write('debug'),
    child: () => logger,
  };
  return logger;
}

/**
 * A driver context whose state lives in `store.state`, the way the environments backend keeps
 * it between attempts. `saveState` and `log` can be made to fail to simulate a crash.
 */
export function driverContext(options: {
  environmentName: string;
  resourceName?: string;
  parameters?: JsonObject;
  store: { state?: JsonObject };
  lines: LogLines;
  failAfterSaveState?: boolean;
  failOnLog?: RegExp;
}): DriverContext {
  const { store, lines } = options;
  return {
    environment: {
      id: `id-${options.environmentName}`,
      name: options.environmentName,
      className: 'preview',
      owner: 'group:default/payments-team',
      expiresAt: '2030-01-01T00:00:00.000Z',
      config: {},
    },
    resourceName: options.resourceName ?? 'db',
    parameters: options.parameters ?? {},
    state: store.state,
    async saveState(state) {
      store.state = JSON.parse(JSON.stringify(state));
      if (options.failAfterSaveState) {
        throw new Error('simulated crash after saveState');
      }
    },
    async log(message) {
      lines.push(`log ${message}`);
      if (options.failOnLog?.test(message)) {
        throw new Error(`simulated crash after: ${message}`);
      }
    },
    logger: recordingLogger(lines),
  };
}
