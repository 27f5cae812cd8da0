import { hasPermission, type Permission } from '@practice/domain';
import type { PracticeRole } from '@practice/events';
import type { ReadDocument } from '@practice/read-store';
import {
  CHARTS,
  CLIENTS,
  LEDGERS,
  ledgerProjection,
  type LedgerDocument,
  chartDocumentProjection,
  clientListProjection,
  type ChartDocument,
  type ClientListDocument,
  type ProjectionDefinition,
} from '@practice/read-models';
import { badRequest } from '../http/problem';
import { exportDatasetNames } from './export-dataset-names';

/** One exported row, and its key within its document (documents holding several rows, e.g. appointments). */
export interface ExportRow {
  readonly subKey: string;
  readonly row: Readonly<Record<string, unknown>>;
}

/**
 * A dataset of the bulk export: the read model it is cut from, the permission its data needs on top of
 * `exports:read` (an export never holds what the caller's role may not read), its CSV columns, and the
 * rows of one document. Rows are exported in document id order, then `subKey` order.
 */
export interface ExportDataset {
  readonly name: string;
  readonly readModel: string;
  readonly projection: ProjectionDefinition;
  readonly permission: Permission;
  readonly columns: readonly string[];
  /** Fields only some roles may read (the chart read hides them too): left out for the others. */
  readonly fieldPermissions?: Readonly<Record<string, Permission>>;
  /** Where `--from` / `--to` apply (an ISO date-time field of each row). */
  readonly periodField: string;
  /** One row per document: the practice's document count estimates the rows (a progress bar's total). */
  readonly rowPerDocument: boolean;
  /** The stream every event folded into a document is in: the export rebuilds a document from it. */
  readonly streamOf: (documentId: string) => string;
  rows(doc: ReadDocument): readonly ExportRow[];
}

const chartStreamOf = (id: string): string => `chart-${id}`;

/** What of a chart document is clinical beyond `charts:read`: diagnosis codes (a biller sees them on superbills only). */
export const CHART_FIELD_PERMISSIONS: Readonly<Record<string, Permission>> = { diagnosisCodes: 'diagnoses:read' };

/** The columns of a dataset a role may read: the others are neither in the header nor in any row. */
export const columnsFor = (dataset: ExportDataset, role: PracticeRole): readonly string[] =>
  dataset.columns.filter((column) => {
    const needed = dataset.fieldPermissions?.[column];
    return needed === undefined || hasPermission(role, needed);
  });

/** A document without the fields `role` may not read. */
export const redacted = <T extends Record<string, unknown>>(doc: T, fieldPermissions: Readonly<Record<string, Permission>> | undefined, role: PracticeRole): T => {
  if (!fieldPermissions) return doc;
  const hidden = Object.entries(fieldPermissions).filter(([, permission]) => !hasPermission(role, permission)).map(([field]) => field);
  if (hidden.length === 0) return doc;
  return Object.fromEntries(Object.entries(doc).filter(([field]) => !hidden.includes(field))) as T;
};

const clients: ExportDataset = {
  name: 'clients',
  readModel: CLIENTS,
  projection: clientListProjection as unknown as ProjectionDefinition,
  permission: 'clients:read',
  columns: ['id', 'kind', 'firstName', 'lastName', 'legalFirstName', 'legalLastName', 'email', 'phone', 'status', 'invitation', 'tagIds', 'incomplete', 'createdAt', 'updatedAt'],
  periodField: 'createdAt',
  rowPerDocument: true,
  streamOf: chartStreamOf,
  rows: (doc) => {
    const c = doc as ClientListDocument;
    return [
      {
        subKey: '',
        row: {
          id: c._id,
          kind: c.kind,
          firstName: c.firstName,
          lastName: c.lastName,
          legalFirstName: c.legalName?.firstName ?? null,
          legalLastName: c.legalName?.lastName ?? null,
          email: c.email,
          phone: c.phone,
          status: c.status,
          invitation: c.invitation,
          tagIds: c.tagIds,
          incomplete: c.incomplete,
          createdAt: c.createdAt,
          updatedAt: c.updatedAt,
        },
      },
    ];
  },
};

const charts: ExportDataset = {
  name: 'charts',
  readModel: CHARTS,
  projection: chartDocumentProjection as unknown as ProjectionDefinition,
  permission: 'charts:read',
  columns: ['id', 'kind', 'active', 'profile', 'overview', 'tagIds', 'identity', 'setup', 'portal', 'contacts', 'group', 'memberOf', 'contactOn', 'revision', 'createdAt', 'updatedAt', 'diagnosisCodes'],
  fieldPermissions: CHART_FIELD_PERMISSIONS,
  periodField: 'createdAt',
  rowPerDocument: true,
  streamOf: chartStreamOf,
  // Only the columns: a field added to the chart document later is exported once it is listed here
  // (and given a permission above if the chart read hides it from some roles), never by accident.
  rows: (doc) => {
    const chart = doc as ChartDocument;
    const row = Object.fromEntries(charts.columns.map((column) => [column, column === 'id' ? chart._id : (chart[column] ?? null)]));
    return [{ subKey: '', row }];
  },
};

const byKey = <T>(key: (item: T) => string) => (a: T, b: T): number => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** A dataset of one row per item of a list in each document of a chart (its appointments, its payments), in item id order. */
interface ItemDataset<D, T> {
  readonly name: string;
  readonly readModel: string;
  readonly projection: unknown;
  readonly permission: Permission;
  /** The columns after `id` (the item's) and `chartId`. */
  readonly columns: readonly string[];
  readonly periodField: string;
  readonly items: (doc: D) => readonly T[];
  readonly idOf: (item: T) => string;
  /** The row after `id` and `chartId`, in the order of `columns`; by default the item's fields of those names. */
  readonly row?: (item: T) => Readonly<Record<string, unknown>>;
}

const fieldsOf = <T>(item: T, fields: readonly string[]): Record<string, unknown> => Object.fromEntries(fields.map((field) => [field, (item as Record<string, unknown>)[field]]));

const itemDataset = <D, T>({ name, readModel, projection, permission, columns, periodField, items, idOf, row = (item) => fieldsOf(item, columns) }: ItemDataset<D, T>): ExportDataset => ({
  name,
  readModel,
  projection: projection as ProjectionDefinition,
  permission,
  columns: ['id', 'chartId', ...columns],
  periodField,
  rowPerDocument: false,
  streamOf: chartStreamOf,
  rows: (doc) =>
    [...items(doc as unknown as D)].sort(byKey(idOf)).map((item) => ({ subKey: idOf(item), row: { id: idOf(item), chartId: doc._id, ...row(item) } })),
});

const appointments = itemDataset({
  name: 'appointments',
  readModel: CHARTS,
  projection: chartDocumentProjection,
  permission: 'charts:read',
  columns: ['start', 'durationMinutes', 'practitionerId', 'status', 'serviceCode', 'serviceName', 'fee', 'currency'],
  periodField: 'start',
  items: (doc: ChartDocument) => doc.appointments,
  idOf: (a) => a.appointmentId,
  row: (a) => ({
    ...fieldsOf(a, ['start', 'durationMinutes', 'practitionerId', 'status']),
    serviceCode: a.service?.code ?? null,
    serviceName: a.service?.name ?? null,
    fee: a.fee?.amount ?? null,
    currency: a.fee?.currency ?? null,
  }),
});

/** One row per payment of a chart's ledger (amounts in minor units of `currency`), with what it paid and its refunds. */
const payments = itemDataset({
  name: 'payments',
  readModel: LEDGERS,
  projection: ledgerProjection,
  permission: 'billing:read',
  columns: ['date', 'amount', 'currency', 'method', 'reference', 'refunded', 'applications', 'refunds'],
  periodField: 'date',
  items: (doc: LedgerDocument) => doc.payments,
  idOf: (p) => p.paymentId,
});

/** Every dataset, by name (the path parameter and the CLI's report name). */
export const exportDatasets: ReadonlyMap<string, ExportDataset> = new Map([clients, charts, appointments, payments].map((d) => [d.name, d]));
export { exportDatasetNames } from './export-dataset-names';

export const datasetOf = (name: string): ExportDataset => {
  const dataset = exportDatasets.get(name);
  if (!dataset) {
    throw badRequest('ValidationFailed', 'The request is not valid', [
      { field: 'dataset', in: 'path', message: `must be one of ${exportDatasetNames.join(', ')}` },
    ]);
  }
  return dataset;
};
