import type { Readable } from 'node:stream';
import { pdfText } from '../../../../test/support/pdf-text';
import { assembleSuperbill } from './superbill';
import { formatAmount, printable, renderSuperbillPdf } from './superbill-pdf';
import { wantsPdf } from './superbill.controller';
import { charge, chartDoc, drAda, ledger, practiceId, profile } from './superbill.fixtures';

const bytesOf = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const bill = () => {
  const chart = chartDoc();
  return assembleSuperbill({
    chart,
    patient: chart,
    ledger: ledger([charge('c-1', '2026-01-05', drAda, 15000, 5000), charge('c-2', '2026-01-19', drAda, 5000, 0, 'no-show')]),
    profiles: new Map([[drAda, profile(drAda, 'Ada', 'Augusta Ada', '1234567893')]]),
    practice: { practiceId, name: 'Calm Minds', address: { line1: '9 Harbour Rd', line2: null, city: 'Oakland', region: 'CA', postalCode: '94607', country: null } },
    period: { from: '2026-01-01', to: '2026-03-31' },
  });
};

describe('the superbill PDF (pdfkit)', () => {
  it('is a PDF that says what the superbill says', async () => {
    const pdf = await bytesOf(renderSuperbillPdf(bill(), { issuedOn: '2026-04-02', compress: false }));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of [
      'Superbill',
      'Services from 2026-01-01 to 2026-03-31. Issued 2026-04-02.',
      'Calm Minds',
      '9 Harbour Rd',
      'Name: Grace Brewster Hopper',
      'Date of birth: 1990-02-28',
      'Address: 1 Main St, Springfield, IL 62701, US',
      '1. F41.1',
      'Augusta Ada Doctor',
      'NPI: 1234567893',
      'Taxonomy: 101YM0800X',
      'License: LCSW LC-123 CA',
      '2026-01-05',
      '90834',
      '150.00 USD',
      '50.00 USD',
      'Late cancellation (no-show)',
      'Total fees: 200.00 USD',
      'Total paid: 50.00 USD',
      'Balance: 150.00 USD',
    ]) {
      expect(text.replace(/\n/g, ' ')).toContain(expected);
    }
    expect(text).not.toContain('Gracie');
  });

  it('is compressed by default, and still readable by the spec helper', async () => {
    const pdf = await bytesOf(renderSuperbillPdf(bill(), { issuedOn: '2026-04-02' }));
    expect(pdf.toString('latin1')).toContain('/FlateDecode');
    expect(pdfText(pdf)).toContain('Name: Grace Brewster Hopper');
  });

  it('says so when there are no services or codes', async () => {
    const chart = chartDoc({ diagnosisCodes: [] });
    const empty = assembleSuperbill({ chart, patient: chart, ledger: null, profiles: new Map(), practice: { practiceId, name: 'Calm Minds' }, period: { from: '2026-01-01', to: '2026-01-31' } });
    const text = pdfText(await bytesOf(renderSuperbillPdf(empty, { issuedOn: '2026-02-01', compress: false })));
    expect(text).toContain('None recorded');
    expect(text).toContain('No services in this period');
    expect(text).toContain('Total fees: 0.00');
  });
});

describe('amounts and the Accept header', () => {
  it('formats integer minor units with the decimals of the currency', () => {
    expect(formatAmount(12345, 'USD')).toBe('123.45 USD');
    expect(formatAmount(500, 'JPY')).toBe('500 JPY');
    expect(formatAmount(0, null)).toBe('0.00');
  });

  it('answers the PDF only when Accept prefers it', () => {
    expect(wantsPdf('application/pdf')).toBe(true);
    expect(wantsPdf('application/pdf, application/json;q=0.5')).toBe(true);
    expect(wantsPdf(undefined)).toBe(false);
    expect(wantsPdf('*/*')).toBe(false);
    expect(wantsPdf('application/json, application/pdf')).toBe(false);
    expect(wantsPdf('application/json;q=0.1, application/pdf;q=0.9')).toBe(true);
    expect(wantsPdf('application/pdf;q=0')).toBe(false);
    expect(wantsPdf('application/json;q=0, */*')).toBe(true);
    expect(() => wantsPdf('application/json;q=0, application/pdf;q=0')).toThrow(expect.objectContaining({ name: 'ProblemException' }));
  });
});

describe('text the standard fonts can print', () => {
  it('keeps Windows-1252, prints other letters as their base letter, else ?', () => {
    expect(printable('Zoë Ångström — “ok” €5')).toBe('Zoë Ångström — “ok” €5');
    expect(printable('Łukasz Dvořák Őry 李')).toBe('?ukasz Dvorák Ory ?');
  });
});
