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
  'messages:manage', // the practice's outbox: list messages, retry parked ones
] as const;
export type Permission = (typeof permissions)[number];

const everything = permissions;

export const rolePermissions: Readonly<Record<PracticeRole, readonly Permission[]>> = {
  owner: everything,
  admin: everything,
  clinician: ['practice:read', 'members:read', 'clients:read', 'clients:create', 'clients:write', 'charts:read', 'charts:history', 'appointments:write'],
  biller: ['practice:read', 'members:read', 'members:clinical-info:read', 'clients:read', 'charts:read'],
  scheduler: ['practice:read', 'members:read', 'clients:read', 'clients:create', 'appointments:write'],
};

export const hasPermission = (role: PracticeRole, permission: Permission): boolean =>
  rolePermissions[role].includes(permission);

export const assertPermission = (role: PracticeRole, permission: Permission): void => {
  if (!hasPermission(role, permission)) {
    throw new DomainError('Forbidden', 'forbidden', `The role ${role} may not do this (${permission})`, [], { permission });
  }
};
