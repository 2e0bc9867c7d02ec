import { InputError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { JunitLimits, JunitReader, ParsedTestRun } from './JunitReader';
import { XmlDecoder } from './XmlDecoder';

export type JunitReport = {
  run: ParsedTestRun;
  /** SHA-256 of the report's (uncompressed) bytes: the same report sent twice is a duplicate. */
  contentHash: string;
};

type Body = AsyncIterable<Buffer | string> | Iterable<Buffer | string>;

export type ReadOptions = JunitLimits & {
  /** The report's size in bytes after decompression. */
  maxBytes: number;
  /** `Content-Encoding: gzip` */
  gzip?: boolean;
};

/**
 * Reads a JUnit report from a byte stream (a request body) without holding it: the bytes are
 * decoded, parsed and hashed as they arrive, so memory follows the number of tests, not the
 * size of the file. Resolves with the report, or rejects with the first problem (a 400); the
 * rest of the body is then not read.
 */
export async function readJunitReport(
  body: Body,
  options: ReadOptions,
): Promise<JunitReport> {
  const reader = new JunitReader(options);
  const decoder = new XmlDecoder();
  const hash = createHash('sha256');
  let bytes = 0;
  const chunks = options.gzip ? gunzipped(body) : buffers(body);
  for await (const chunk of chunks) {
    bytes += chunk.length;
    if (bytes > options.maxBytes)
      throw new InputError(
        `JUnit report is larger than ${Math.round(
          options.maxBytes / 1_048_576,
        )} MB`,
      );
    hash.update(chunk);
    reader.write(decoder.write(chunk));
  }
  if (bytes === 0)
    throw new InputError('JUnit report is empty: send the XML as the body');
  reader.write(decoder.end());
  return { run: reader.end(), contentHash: hash.digest('hex') };
}

async function* buffers(body: Body) {
  for await (const piece of body)
    yield typeof piece === 'string' ? Buffer.from(piece) : piece;
}

async function* gunzipped(body: Body) {
  const gunzip = createGunzip();
  // Destroys both on a failure of either (an aborted request, corrupt gzip).
  pipeline(Readable.from(buffers(body)), gunzip, () => {});
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (e) {
    throw new InputError(
      `JUnit report is not valid gzip: ${(e as Error).message}`,
    );
  } finally {
    gunzip.destroy();
  }
}
