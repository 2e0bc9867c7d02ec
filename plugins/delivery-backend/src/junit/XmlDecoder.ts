import { InputError } from '@backstage/errors';

/** Enough bytes to see a byte order mark and an XML declaration's encoding. */
const SNIFF_BYTES = 256;

/**
 * Bytes of an XML document to text, in the encoding its byte order mark or XML declaration
 * names (XML 1.0 appendix F), UTF-8 when neither does. Bytes that are not valid in that
 * encoding are a 400, not replacement characters in test names.
 */
export class XmlDecoder {
  private decoder?: TextDecoder;
  private head: Buffer[] = [];
  private headBytes = 0;

  write(chunk: Buffer): string {
    if (this.decoder) return this.decode(chunk, true);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < SNIFF_BYTES) return '';
    return this.start(true);
  }

  end(): string {
    const text = this.decoder ? '' : this.start(false);
    return text + this.decode(Buffer.alloc(0), false);
  }

  private start(stream: boolean): string {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.decoder = decoderFor(head);
    return this.decode(head, stream);
  }

  private decode(bytes: Buffer, stream: boolean): string {
    try {
      return this.decoder!.decode(bytes, { stream });
    } catch {
      throw new InputError(
        `JUnit XML is not valid ${
          this.decoder!.encoding
        } (the encoding its byte order mark or XML declaration names, else UTF-8)`,
      );
    }
  }
}

function decoderFor(head: Buffer): TextDecoder {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return new TextDecoder('utf-8', { fatal: true });
  if (head[0] === 0xff && head[1] === 0xfe)
    return new TextDecoder('utf-16le', { fatal: true });
  if (head[0] === 0xfe && head[1] === 0xff)
    return new TextDecoder('utf-16be', { fatal: true });
  // UTF-16 without a byte order mark: "<?" as two-byte characters.
  if (head[0] === 0x3c && head[1] === 0x00 && head[2] === 0x3f)
    return new TextDecoder('utf-16le', { fatal: true });
  if (head[0] === 0x00 && head[1] === 0x3c && head[2] === 0x00)
    return new TextDecoder('utf-16be', { fatal: true });
  const declaration =
    /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
      head.toString('latin1'),
    );
  const label = declaration?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    throw new InputError(
      `JUnit XML declares encoding "${label}", which is not supported`,
    );
  }
}
