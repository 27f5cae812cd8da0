import { MAX_FILE_NAME_LENGTH, sanitizeFileName } from './file-name';

describe('sanitizeFileName', () => {
  it('keeps an ordinary name, accents and all', () => {
    expect(sanitizeFileName('Intake form – Zoë.pdf')).toBe('Intake form – Zoë.pdf');
  });

  it('keeps the last path segment only', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\me\\letter.docx')).toBe('letter.docx');
  });

  it('drops control characters, bidi overrides, lone surrogates and leading dots', () => {
    expect(sanitizeFileName('a\r\nb\u0000c.txt')).toBe('abc.txt');
    expect(sanitizeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitizeFileName('x\ud800y.png')).toBe('xy.png');
    expect(sanitizeFileName('..hidden')).toBe('hidden');
  });

  it('collapses spaces and names an empty name "document"', () => {
    expect(sanitizeFileName('  two   words .pdf ')).toBe('two words .pdf');
    expect(sanitizeFileName('')).toBe('document');
    expect(sanitizeFileName(null)).toBe('document');
    expect(sanitizeFileName('../..')).toBe('document');
  });

  it('cuts a long name to 255 characters and keeps its extension', () => {
    const name = sanitizeFileName(`${'a'.repeat(400)}.pdf`);
    expect(Array.from(name)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('a.pdf')).toBe(true);
    expect(Array.from(sanitizeFileName('😀'.repeat(300)))).toHaveLength(MAX_FILE_NAME_LENGTH);
  });
});
