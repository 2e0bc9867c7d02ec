import {
  PushFactsRequest,
  pushFactsRequestSchema,
} from '@internal/plugin-readiness-common';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { parseInput } from '@internal/backend-common';

/** Reads an example facts file (the push API's body, as YAML), relative to the working directory. */
export function readExampleFacts(file: string): PushFactsRequest {
  const text = fs.readFileSync(path.resolve(file), 'utf8');
  return parseInput(
    pushFactsRequestSchema,
    YAML.parse(text),
    `example facts in ${file}`,
  );
}
