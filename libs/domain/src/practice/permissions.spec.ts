import { practiceRoles } from '../../../events/src/practice.events';
import { assertPermission, hasPermission, permissions, rolePermissions } from './permissions';

describe('Role permissions', () => {
  it('gives owners and admins every permission', () => {
    for (const permission of permissions) {
      expect(hasPermission('owner', permission)).toBe(true);
      expect(hasPermission('admin', permission)).toBe(true);
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
