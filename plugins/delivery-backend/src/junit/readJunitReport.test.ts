import { gzipSync } from 'node:zlib';
import { readJunitReport } from './readJunitReport';

const options = {
  earliest: new Date('2024-01-01T00:00:00Z'),
  latest: new Date('2026-12-31T00:00:00Z'),
  maxBytes: 1_048_576,
};

/** The bytes in pieces of `size`, as a request body arrives. */
async function* pieces(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size)
    yield bytes.subarray(i, i + size);
}

describe('readJunitReport', () => {
  it('decodes the encoding the XML declaration names, across chunk boundaries', async () => {
    const xml = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?>\n<testsuite name="Bücher"><testcase classname="Größe" name="prüft é"/></testsuite>',
      'latin1',
    );
    const { run } = await readJunitReport(pieces(xml, 7), options);
    expect(run.cases[0]).toEqual(
      expect.objectContaining({
        suite: 'Bücher',
        classname: 'Größe',
        name: 'prüft é',
      }),
    );
  });

  it('decodes UTF-16 by its byte order mark and UTF-8 split inside a character', async () => {
    const text =
      '<?xml version="1.0" encoding="UTF-16"?><testsuite name="日本"><testcase name="テスト"/></testsuite>';
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(text, 'utf16le'),
    ]);
    expect(
      (await readJunitReport(pieces(utf16, 3), options)).run.cases[0].name,
    ).toBe('テスト');
    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(text.replace('UTF-16', 'UTF-8')),
    ]);
    expect(
      (await readJunitReport(pieces(utf8, 1), options)).run.cases[0].suite,
    ).toBe('日本');
  });

  it('refuses bytes that are not valid in the declared encoding, and unknown encodings', async () => {
    const bad = Buffer.concat([
      Buffer.from('<testsuite name="'),
      Buffer.from([0xff, 0xfe, 0xfd]),
      Buffer.from('"/>'),
    ]);
    await expect(readJunitReport([bad], options)).rejects.toThrow(
      'JUnit XML is not valid utf-8',
    );
    await expect(
      readJunitReport(
        [Buffer.from('<?xml version="1.0" encoding="x-klingon"?><testsuite/>')],
        options,
      ),
    ).rejects.toThrow(
      'JUnit XML declares encoding "x-klingon", which is not supported',
    );
  });

  it('reads a gzip body and hashes the uncompressed report', async () => {
    const xml = Buffer.from(
      '<testsuite name="s"><testcase name="a"/></testsuite>',
    );
    const plain = await readJunitReport([xml], options);
    const zipped = await readJunitReport(pieces(gzipSync(xml), 5), {
      ...options,
      gzip: true,
    });
    expect(zipped).toEqual(plain);
    expect(plain.contentHash).toMatch(/^[0-9a-f]{64}$/);
    await expect(
      readJunitReport([xml], { ...options, gzip: true }),
    ).rejects.toThrow('JUnit report is not valid gzip');
  });

  it('refuses a report larger than the limit (after decompression) and an empty body', async () => {
    const big = Buffer.from(
      `<testsuite>${'<testcase name="a"/>'.repeat(60_000)}</testsuite>`,
    );
    await expect(readJunitReport(pieces(big, 65536), options)).rejects.toThrow(
      'JUnit report is larger than 1 MB',
    );
    await expect(
      readJunitReport([gzipSync(big)], { ...options, gzip: true }),
    ).rejects.toThrow('JUnit report is larger than 1 MB');
    await expect(readJunitReport([], options)).rejects.toThrow(
      'JUnit report is empty',
    );
  });
});
