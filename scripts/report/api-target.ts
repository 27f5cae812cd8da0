
/** Where the CLI sends its requests, and how to let go of it. */
export interface ApiTarget {
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** A running API (`--api`): nothing to start. */
export const remoteApi = (baseUrl: string): ApiTarget => ({ baseUrl: baseUrl.replace(/\/+$/, ''), close: async () => undefined });

