import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { checkedContent, FileTypeRefusedError, SNIFF_BYTES } from './file-content';

/** A ZIP of stored (uncompressed) entries: enough of an Office file for its type to be read. */
const storedZip = (entries: Record<string, string>): Buffer => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
};

const DOCX = storedZip({
  '[Content_Types].xml':
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  'word/document.xml': '<w:document/>',
});
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, ...Array(50).fill(0)]);
const HEIC = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic'), Buffer.alloc(40)]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(100)]);

/** Runs the check over `chunks`; the type found and the bytes passed on, or the refusal. */
const check = async (chunks: Buffer[], declared?: string) => {
  let type: string | undefined;
  const passed: Buffer[] = [];
  for await (const chunk of checkedContent(Readable.from(chunks), declared, (found) => (type = found))) passed.push(Buffer.from(chunk));
  return { type, bytes: Buffer.concat(passed) };
};

describe('checkedContent: the type of an upload, from its bytes', () => {
  it.each([
    ['a PDF', PDF, 'application/pdf'],
    ['a JPEG', JPEG, 'image/jpeg'],
    ['a HEIC photo', HEIC, 'image/heic'],
    ['a Word document', DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['UTF-8 text', Buffer.from('Zoë said: “hello”\r\n\ttabbed\n'), 'text/plain'],
  ])('finds %s and passes every byte on', async (_, bytes, type) => {
    const result = await check([bytes.subarray(0, 3), bytes.subarray(3)]);
    expect(result.type).toBe(type);
    expect(result.bytes.equals(bytes)).toBe(true);
  });

  it('accepts a declared type that agrees (or says nothing), with aliases', async () => {
    expect((await check([PDF], 'application/pdf')).type).toBe('application/pdf');
    expect((await check([PDF], 'application/octet-stream')).type).toBe('application/pdf');
    expect((await check([JPEG], 'image/jpg')).type).toBe('image/jpeg');
    expect((await check([Buffer.from('notes')], 'text/plain; charset=utf-8')).type).toBe('text/plain');
  });

  it('refuses bytes of a type not on the list, whatever was declared, before passing any on', async () => {
    let passed = 0;
    const run = async () => {
      for await (const _ of checkedContent(Readable.from([ELF]), 'application/pdf', () => undefined)) passed += 1;
    };
    await expect(run()).rejects.toBeInstanceOf(FileTypeRefusedError);
    expect(passed).toBe(0);
    await expect(check([storedZip({ 'a.txt': 'hello' })])).rejects.toThrow('application/zip');
  });

  it('refuses bytes of another type than declared', async () => {
    await expect(check([JPEG], 'application/pdf')).rejects.toThrow('sent as application/pdf but the bytes are image/jpeg');
  });

  it('refuses an empty file, and text with control characters or broken UTF-8', async () => {
    await expect(check([])).rejects.toBeInstanceOf(FileTypeRefusedError);
    await expect(check([Buffer.from('a\u0000b')])).rejects.toBeInstanceOf(FileTypeRefusedError);
    await expect(check([Buffer.from([0x61, 0xc3, 0x28])])).rejects.toBeInstanceOf(FileTypeRefusedError);
  });

  it('keeps checking text past the start it read the type from', async () => {
    const start = Buffer.alloc(SNIFF_BYTES, 0x61);
    await expect(check([start, Buffer.from('more text\n')])).resolves.toMatchObject({ type: 'text/plain' });
    await expect(check([start, Buffer.from([0x00, 0x01, 0x02])])).rejects.toThrow('not plain text past its start');
    // A character split between two chunks is still text.
    const euro = Buffer.from('€');
    await expect(check([start, euro.subarray(0, 1), euro.subarray(1)])).resolves.toMatchObject({ type: 'text/plain' });
  });
});
