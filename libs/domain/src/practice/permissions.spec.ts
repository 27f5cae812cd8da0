import { practiceRoles } from '@practice/events';
import { assertPermission, hasPermission, permissions, rolePermissions } from './permissions';

describe('Role permissions', () => {
  it('gives owners every permission, and admins every one but writing and signing clinical notes', () => {
    for (const permission of permissions) {
      expect(hasPermission('owner', permission)).toBe(true);
      expect(hasPermission('admin', permission)).toBe(permission !== 'notes:write' && permission !== 'notes:sign');
    }
  });

  it('keeps practice and member management to owners and admins', () => {
    for (const role of ['clinician', 'biller', 'scheduler'] as const) {
      expect(hasPermission(role, 'practice:manage')).toBe(false);
      expect(hasPermission(role, 'members:manage')).toBe(false);
    }
  });

  it('lets a scheduler create clients but not read their charts', () => {
    expect(hasPermission('scheduler', 'clients:create')).toBe(true);
    expect(hasPermission('scheduler', 'charts:read')).toBe(false);
  });

  it('names only known permissions for every role', () => {
    for (const role of practiceRoles) {
      for (const permission of rolePermissions[role]) expect(permissions).toContain(permission);
    }
  });

  it('refuses with a Forbidden domain error', () => {
    expect(() => assertPermission('biller', 'clients:write')).toThrow(expect.objectContaining({ code: 'Forbidden', kind: 'forbidden' }));
  });
});

describe('Role permissions for practitioners and practices', () => {
  it('lets every role read the practice and its member list', () => {
    for (const role of practiceRoles) {
      expect(hasPermission(role, 'practice:read')).toBe(true);
      expect(hasPermission(role, 'members:read')).toBe(true);
    }
  });

  it("shows members' clinical info to owners, admins and billers (claims need it), and lets only owners and admins edit it", () => {
    expect(['owner', 'admin', 'biller'].every((role) => hasPermission(role as 'owner', 'members:clinical-info:read'))).toBe(true);
    expect(hasPermission('clinician', 'members:clinical-info:read')).toBe(false);
    expect(hasPermission('scheduler', 'members:clinical-info:read')).toBe(false);
    for (const role of ['clinician', 'biller', 'scheduler'] as const) {
      expect(hasPermission(role, 'members:clinical-info:write')).toBe(false);
    }
  });
});

describe('Role permissions for clinical notes', () => {
  it('lets clinicians and owners write and sign, admins read, and never billers or schedulers', () => {
    for (const role of ['owner', 'clinician'] as const) {
      expect(['notes:read', 'notes:write', 'notes:sign'].every((p) => hasPermission(role, p as 'notes:read'))).toBe(true);
    }
    expect(hasPermission('admin', 'notes:read')).toBe(true);
    for (const role of ['biller', 'scheduler'] as const) {
      for (const permission of ['notes:read', 'notes:write', 'notes:sign'] as const) expect(hasPermission(role, permission)).toBe(false);
    }
  });
});

describe('Role permissions for diagnosis codes and superbills', () => {
  it('lets clinicians (and owners, admins) read and record diagnosis codes; billers and schedulers neither', () => {
    for (const permission of ['diagnoses:read', 'diagnoses:write'] as const) {
      expect(hasPermission('clinician', permission)).toBe(true);
      expect(hasPermission('biller', permission)).toBe(false);
      expect(hasPermission('scheduler', permission)).toBe(false);
    }
  });

  it('lets owners, admins, clinicians and billers read superbills, not schedulers', () => {
    for (const role of ['owner', 'admin', 'clinician', 'biller'] as const) expect(hasPermission(role, 'superbills:read')).toBe(true);
    expect(hasPermission('scheduler', 'superbills:read')).toBe(false);
  });
});
