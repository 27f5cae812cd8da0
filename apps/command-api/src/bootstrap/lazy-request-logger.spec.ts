import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { createLogger } from './logger';
import { lazyRequestLogger } from './lazy-request-logger';

describe('lazyRequestLogger', () => {
  const lines: Record<string, unknown>[] = [];
  const root = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) }) as unknown as FastifyBaseLogger;
  const requestLogger = (): FastifyBaseLogger => lazyRequestLogger.call({} as FastifyInstance, root, { requestId: 'req-1' }, {});

  beforeEach(() => lines.splice(0));

  it('makes no child until something logs through it', () => {
    const child = jest.spyOn(root, 'child');
    requestLogger();
    expect(child).not.toHaveBeenCalled();
    child.mockRestore();
  });

  it('writes what the child logger would: the bindings, the fields, the message, the level', () => {
    const logger = requestLogger();
    logger.warn({ status: 500 }, 'request failed');
    logger.debug('not written at info');
    expect(logger.level).toBe('info');
    expect(lines).toEqual([expect.objectContaining({ level: 40, requestId: 'req-1', status: 500, msg: 'request failed' })]);
  });
});
