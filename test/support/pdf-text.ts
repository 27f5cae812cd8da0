import { inflateSync } from 'node:zlib';

/**
 * The text shown on the pages of a PDF written by pdfkit with its standard fonts: each text-showing
 * operator (`[<hex> kern <hex>] TJ`, `<hex> Tj`) becomes one line, its bytes read as WinAnsi (Latin-1
 * for the characters a spec uses). Content streams may be Flate-compressed (the default) or not.
 * Enough for specs to assert what a page says; not a general PDF reader.
 */
export const pdfText = (pdf: Buffer): string => {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  const streams = /\d+ 0 obj\s*<<([\s\S]*?)>>\s*stream\r?\n/g;
  for (let match = streams.exec(raw); match !== null; match = streams.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    let bytes = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(match[1])) {
      try {
        bytes = inflateSync(bytes);
      } catch {
        continue; // not a content stream we can read (e.g. an embedded font)
      }
    }
    const content = bytes.toString('latin1');
    for (const shown of content.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?[\d.]+)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hex = shown[1] !== undefined ? [...shown[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('') : shown[2];
      lines.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return lines.join('\n');
};
