import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the application knows of the request it is serving, wherever it is: the request id, so that
 * the events a request appends and the log lines it writes carry it, without every call passing it on.
 */
export interface RequestContext {
  readonly requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` (and everything it starts) within the context of one request. */
export const runInRequestContext = <T>(context: RequestContext, fn: () => T): T => storage.run(context, fn);

/** The id of the request being served, if any (none in a test or a background job). */
export const currentRequestId = (): string | undefined => storage.getStore()?.requestId;
