import type { PracticeRole } from '@practice/events';
import { DomainError } from '../shared/domain-error';

/**
 * What each role of a practice may do. Every practice-scoped route names one permission; this table
 * is the only place that says which roles have it (the README prints it).
 */
export const permissions = [
  'practice:read', // name and settings; leaving the practice
  'practice:manage', // rename, settings
  'members:read', // names and roles of the members
  'members:manage', // invite, revoke invitations, change roles, remove
  'members:clinical-info:read', // the members' NPI, taxonomy, license (Account Settings > Members)
  'members:clinical-info:write', // edit another member's NPI, taxonomy, license
  'clients:read', // client list, Needs Attention
  'clients:create',
  'clients:write', // edit a client's record, status, contacts, members
  'charts:read', // the chart document
  'charts:history', // the audit history of a chart
  'tags:manage',
  'appointments:write',
  'reports:read', // the practice's reports (counts, never a client's record), as JSON or CSV
  'reports:audit', // who read which report, when, with which parameters
  'notes:read', // the bodies of clinical notes, their history (every read is recorded)
  'notes:write', // write notes, edit one's own unsigned notes, add addenda to signed notes
  'notes:sign', // sign one's own note
  'diagnoses:read', // a chart's diagnosis codes in the chart document (clinical; billers see them on superbills only)
  'diagnoses:write', // record a chart's diagnosis codes (clinicians diagnose; billers never do)
  'superbills:read', // a client's superbill for a period (JSON or PDF): legal names, diagnosis codes, fees
  'billing:manage', // the service catalogue
  'billing:read', // billing settings, insurance, payments, balances
  'billing:write', // a client's billing settings and insurance policies
  'payments:write', // record and refund payments
  'tasks:write', // assign, edit, complete, cancel and reopen tasks on a chart
  'files:read', // list and download the documents of a chart (billers too: insurance cards, referrals)
  'files:write', // upload and delete documents of a chart
  'exports:read', // bulk exports and the change feed of the read models (each also needs the read permission of its data)
  'exports:audit', // the record of every export and change-feed read (who, what, when): auditors
  'messages:manage', // the practice's outbox: list messages, retry parked ones
] as const;
export type Permission = (typeof permissions)[number];

const everything = permissions;

/**
 * Clinical notes are written and signed by those who give care: an admin reads them (records
 * requests, audits) but neither writes nor signs one. An owner has every permission (the owner of a
 * practice of one is its clinician).
 */
const clinicalNotes: readonly Permission[] = ['notes:write', 'notes:sign'];

export const rolePermissions: Readonly<Record<PracticeRole, readonly Permission[]>> = {
  owner: everything,
  admin: everything.filter((permission) => !clinicalNotes.includes(permission)),
  clinician: [
    'practice:read', 'members:read', 'clients:read', 'clients:create', 'clients:write', 'charts:read', 'charts:history', 'appointments:write',
    'notes:read', 'notes:write', 'notes:sign', 'diagnoses:read', 'diagnoses:write', 'superbills:read', 'billing:read', 'billing:write',
    'tasks:write', 'files:read', 'files:write',
  ],
  biller: [
    'practice:read', 'members:read', 'members:clinical-info:read', 'clients:read', 'charts:read', 'superbills:read',
    'billing:manage', 'billing:read', 'billing:write', 'payments:write', 'files:read', 'exports:read', 'reports:read',
  ],
  scheduler: ['practice:read', 'members:read', 'clients:read', 'clients:create', 'appointments:write'],
};

export const hasPermission = (role: PracticeRole, permission: Permission): boolean =>
  rolePermissions[role].includes(permission);

export const assertPermission = (role: PracticeRole, permission: Permission): void => {
  if (!hasPermission(role, permission)) {
    throw new DomainError('Forbidden', 'forbidden', `The role ${role} may not do this (${permission})`, [], { permission });
  }
};
