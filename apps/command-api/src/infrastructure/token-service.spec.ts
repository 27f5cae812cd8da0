import { TokenService } from './token-service';

describe('TokenService', () => {
  const service = new TokenService('a secret long enough for HS256 tokens', 60);

  afterEach(() => jest.useRealTimers());

  it('verifies a token again and again with the same claims', () => {
    const token = service.issue({ userId: 'user-1', credentialVersion: 3 });
    expect(service.verify(token)).toEqual({ userId: 'user-1', credentialVersion: 3 });
    expect(service.verify(token)).toEqual({ userId: 'user-1', credentialVersion: 3 });
  });

  it('refuses a token whose claims or signature were changed, even after the original was verified', () => {
    const token = service.issue({ userId: 'user-1', credentialVersion: 1 });
    expect(service.verify(token)).toBeDefined();
    const [header, claims, signature] = token.split('.');
    const forgedClaims = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims!, 'base64url').toString()), cv: 2 })).toString('base64url');
    expect(service.verify(`${header}.${forgedClaims}.${signature}`)).toBeUndefined();
    expect(service.verify(`${header}.${claims}.${signature!.slice(0, -2)}AA`)).toBeUndefined();
    expect(new TokenService('another secret of the same length!!!', 60).verify(token)).toBeUndefined();
  });

  it('stops accepting a verified token at its expiry, as it did before it was first verified', () => {
    jest.useFakeTimers({ now: new Date('2026-01-01T10:00:00.000Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const token = service.issue({ userId: 'user-1', credentialVersion: 1 });
    expect(service.verify(token)).toBeDefined();
    jest.setSystemTime(new Date('2026-01-01T10:00:59.999Z'));
    expect(service.verify(token)).toBeDefined();
    jest.setSystemTime(new Date('2026-01-01T10:01:00.000Z'));
    expect(service.verify(token)).toBeUndefined();
    expect(service.verify(token)).toBeUndefined();
  });
});
