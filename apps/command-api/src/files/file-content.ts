import { fileTypeFromBuffer } from 'file-type';
import type { BlobSource } from '@practice/blob-store';

/**
 * The types a chart document may have, found in its bytes (magic numbers, by `file-type`; plain text
 * by being UTF-8 without control characters). What the client says the type is counts for nothing
 * unless the bytes agree.
 */
export const ALLOWED_FILE_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/heic': 'HEIC (iPhone photos)',
  'text/plain': 'plain text (UTF-8)',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
};

/** How much of the start of a file the type is read from. */
export const SNIFF_BYTES = 64 * 1024;

/** Declared types that say nothing about the content (curl sends the first when it cannot tell). */
const UNDECLARED = new Set(['', 'application/octet-stream']);
const ALIASES: Readonly<Record<string, string>> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'image/heif': 'image/heic' };

/** The bytes are not of an allowed type, or not of the type the client declared. */
export class FileTypeRefusedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'FileTypeRefusedError';
  }
}

const normalisedType = (declared: string | undefined): string => {
  const type = (declared ?? '').split(';')[0].trim().toLowerCase();
  return ALIASES[type] ?? type;
};

// Tab, line feed, form feed and carriage return are text; the other C0 controls and DEL are not.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

/** Checks chunk after chunk that a file is UTF-8 text (a multi-byte character may span two chunks). */
class TextCheck {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  isText(chunk: Uint8Array, final: boolean): boolean {
    try {
      return !CONTROL.test(this.decoder.decode(chunk, { stream: !final }));
    } catch {
      return false;
    }
  }
}

const typeOfHead = async (head: Buffer, text: TextCheck, whole: boolean): Promise<string | undefined> => {
  const found = await fileTypeFromBuffer(head);
  if (found) {
    // file-type names HEIC stills `image/heic` and other HEIF brands `image/heif`: both are iPhone photos.
    return ALIASES[found.mime] ?? found.mime;
  }
  return head.length > 0 && text.isText(head, whole) ? 'text/plain' : undefined;
};

/**
 * The file's bytes as they arrive, once its type is known: the first SNIFF_BYTES are held back until
 * their type is read, then everything streams through. A refused type throws before any byte is
 * passed on, so the blob store keeps nothing of it; a text file that turns out not to be text later
 * throws there. `found` receives the type.
 */
export async function* checkedContent(source: BlobSource, declared: string | undefined, found: (type: string) => void): AsyncIterable<Uint8Array> {
  const text = new TextCheck();
  const head: Buffer[] = [];
  let headBytes = 0;
  let type: string | undefined;
  const decide = async (whole: boolean): Promise<Buffer> => {
    const bytes = Buffer.concat(head);
    type = await typeOfHead(bytes, text, whole);
    const allowed = Object.keys(ALLOWED_FILE_TYPES).join(', ');
    if (type === undefined || ALLOWED_FILE_TYPES[type] === undefined) {
      throw new FileTypeRefusedError(`the bytes are ${type ?? 'of no recognised type'}; allowed: ${allowed}`);
    }
    const said = normalisedType(declared);
    if (!UNDECLARED.has(said) && said !== type) throw new FileTypeRefusedError(`sent as ${said} but the bytes are ${type}`);
    found(type);
    return bytes;
  };
  for await (const raw of source) {
    const chunk = Buffer.from(raw as Uint8Array);
    if (type === undefined) {
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes >= SNIFF_BYTES) yield await decide(false);
      continue;
    }
    if (type === 'text/plain' && !text.isText(chunk, false)) throw new FileTypeRefusedError('the bytes are not plain text past its start');
    yield chunk;
  }
  if (type === undefined) {
    yield await decide(true);
  } else if (type === 'text/plain' && !text.isText(new Uint8Array(0), true)) {
    throw new FileTypeRefusedError('the bytes end in the middle of a character');
  }
}
