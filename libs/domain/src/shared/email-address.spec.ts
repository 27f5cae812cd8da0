import { DomainError } from './domain-error';
import { assertEmailAddress, isEmailAddress } from './email-address';

describe('email addresses', () => {
  it.each(['ada@example.com', ' Ada.King@Example.org ', 'zoë@exämple.de'])('accepts %p', (email) => {
    expect(isEmailAddress(email)).toBe(true);
  });

  it.each(['nope', 'a@b', '\ud800', 'a\ud800@example.com', 'ada@exa\udc00mple.com', `${'a'.repeat(320)}@example.com`])(
    'refuses %p',
    (email) => {
      expect(isEmailAddress(email)).toBe(false);
    },
  );

  it('names the field of a lone surrogate, and does not throw anything else', () => {
    expect(() => assertEmailAddress('\ud800', 'contacts.0.email')).toThrow(DomainError);
    expect(() => assertEmailAddress('\ud800', 'contacts.0.email')).toThrow(expect.objectContaining({ fields: [{ field: 'contacts.0.email', message: 'must be an email address' }] }));
  });
});
