import type PDFDocumentClass from 'pdfkit';
import type { Address } from '@practice/events';
import type { Superbill, SuperbillPractitioner } from './superbill';

/** pdfkit is loaded with the first superbill, not at start (about 0.15 s of a start's CPU: issue 14, P6). */
let pdfDocument: typeof PDFDocumentClass | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadPdfDocument = (): typeof PDFDocumentClass => (pdfDocument ??= require('pdfkit') as typeof PDFDocumentClass);

/** `12345` minor units of USD -> `123.45 USD` (the currency's own number of decimals). */
export const formatAmount = (minor: number, currency: string | null): string => {
  if (currency === null) return (minor / 100).toFixed(2);
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // An unknown code: two decimals, the common case.
  }
  return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
};

// Windows-1252 beyond Latin-1: what the standard fonts can show in 0x80..0x9F.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const showable = (char: string): boolean => {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
};

/**
 * Text as the standard fonts can print it (Windows-1252): another letter prints as its base letter
 * when it has one (`ő` -> `o`), else as `?`, never as a wrong glyph.
 */
export const printable = (text: string): string =>
  [...text]
    .map((char) => {
      if (showable(char)) return char;
      const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
      return base !== '' && [...base].every(showable) ? base : '?';
    })
    .join('');

const fullName = (name: { firstName: string; lastName: string } | null): string => (name ? `${name.firstName} ${name.lastName}`.trim() : 'Unknown');

const addressLines = (address: Address | null): string[] => {
  if (address === null) return [];
  const cityLine = [address.city, [address.region, address.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [address.line1, address.line2, cityLine, address.country].filter((line): line is string => Boolean(line));
};

const licenseOf = (p: SuperbillPractitioner): string =>
  [p.license.type, p.license.number, p.license.state].filter(Boolean).join(' ') || 'not recorded';

const COLUMNS = [
  { title: 'Date', width: 70 },
  { title: 'Code', width: 55 },
  { title: 'Service', width: 150 },
  { title: 'Provider', width: 105 },
  { title: 'Fee', width: 70, align: 'right' as const },
  { title: 'Paid', width: 62, align: 'right' as const },
];

/**
 * The superbill as a PDF (US Letter, the standard Helvetica fonts), written with pdfkit. The document
 * is a stream: the caller pipes it and it ends itself. `compress: false` keeps the page content
 * readable, for specs only.
 */
export const renderSuperbillPdf = (bill: Superbill, options: { issuedOn: string; compress?: boolean }): PDFKit.PDFDocument => {
  const PDFDocument = loadPdfDocument();
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 50,
    compress: options.compress ?? true,
    info: { Title: `Superbill ${bill.period.from} to ${bill.period.to}`, Producer: 'practice-core', Creator: 'practice-core' },
  });
  const left = doc.page.margins.left;
  const heading = (text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11).text(printable(text), left).font('Helvetica').fontSize(10);
  const line = (text: string) => doc.text(printable(text), left);

  doc.font('Helvetica-Bold').fontSize(18).text('Superbill', left);
  doc.font('Helvetica').fontSize(10);
  line(`Services from ${bill.period.from} to ${bill.period.to}. Issued ${options.issuedOn}.`);

  heading('Practice');
  line(bill.practice.name);
  addressLines(bill.practice.address).forEach(line);

  heading(bill.group ? `Client (Identified Patient of ${bill.group.name})` : 'Client');
  line(`Name: ${fullName(bill.client.name)}`);
  line(`Date of birth: ${bill.client.dateOfBirth ?? 'not recorded'}`);
  const address = addressLines(bill.client.address);
  line(`Address: ${address.length > 0 ? address.join(', ') : 'not recorded'}`);

  heading('Diagnosis codes (ICD-10-CM)');
  line(bill.diagnosisCodes.length > 0 ? bill.diagnosisCodes.map((code, i) => `${i + 1}. ${code}`).join('   ') : 'None recorded');

  heading('Rendering providers');
  if (bill.practitioners.length === 0) line('None in this period');
  for (const p of bill.practitioners) {
    line(`${fullName(p.name)}  NPI: ${p.npi ?? 'not recorded'}  Taxonomy: ${p.taxonomyCode ?? 'not recorded'}  License: ${licenseOf(p)}`);
  }

  heading('Services');
  const providerNames = new Map(bill.practitioners.map((p) => [p.userId, fullName(p.name)]));
  const header = COLUMNS.map((c) => c.title);
  const row = (cells: string[], bold = false): void => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) {
      doc.addPage();
      // A continued table starts with its header again.
      if (!bold) row(header, true);
    }
    const top = doc.y;
    let x = left;
    let bottom = top;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    cells.forEach((cell, i) => {
      doc.text(printable(cell), x, top, { width: COLUMNS[i].width - 6, align: COLUMNS[i].align ?? 'left' });
      bottom = Math.max(bottom, doc.y);
      x += COLUMNS[i].width;
    });
    doc.font('Helvetica');
    doc.x = left;
    doc.y = bottom + 2;
  };
  row(header, true);
  if (bill.services.length === 0) line('No services in this period');
  for (const s of bill.services) {
    const name = s.serviceName ?? (s.kind === 'session' ? 'Session' : 'Fee');
    const service = s.kind === 'session' ? name : `${name} (${s.kind})`;
    row([s.date, s.serviceCode ?? '', service, providerNames.get(s.practitionerId) ?? '', formatAmount(s.fee, bill.currency), formatAmount(s.paid, bill.currency)]);
  }
  heading('Totals');
  line(`Total fees: ${formatAmount(bill.totals.fee, bill.currency)}`);
  line(`Total paid: ${formatAmount(bill.totals.paid, bill.currency)}`);
  line(`Balance: ${formatAmount(bill.totals.balance, bill.currency)}`);
  doc.end();
  return doc;
};
