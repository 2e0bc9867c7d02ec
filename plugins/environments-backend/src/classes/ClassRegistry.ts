import { LoggerService } from '@backstage/backend-plugin-api';
import {
  EnvironmentClass,
  EnvironmentClassProblem,
} from '@internal/plugin-environments-common';
import { ResourceDriver } from '@internal/plugin-environments-node';
import { ClassSource, loadClasses, readClassFile } from './loadClasses';

/** The environment classes in force, re-read from config and files on reload. */
export class ClassRegistry {
  private classes: EnvironmentClass[] = [];
  private problems: EnvironmentClassProblem[] = [];

  constructor(
    private readonly options: {
      configured: () => unknown[];
      files: () => string[];
      drivers: ReadonlyMap<string, ResourceDriver>;
      logger: LoggerService;
    },
  ) {}

  reload() {
    const sources: ClassSource[] = [
      { source: 'app-config', definitions: this.options.configured() },
      ...this.options.files().map(readClassFile),
    ];
    const loaded = loadClasses(sources, this.options.drivers);
    this.classes = loaded.classes;
    this.problems = loaded.problems;
    for (const p of loaded.problems) {
      this.options.logger.error(
        `Environment class not loaded: ${p.source} ${p.field}: ${p.message}`,
      );
    }
    this.options.logger.info(
      `Loaded ${loaded.classes.length} environment classes (${loaded.classes
        .map(c => c.id)
        .join(', ')})`,
    );
    return loaded;
  }

  list() {
    return { classes: this.classes, problems: this.problems };
  }

  get(id: string): EnvironmentClass | undefined {
    return this.classes.find(c => c.id === id);
  }
}
