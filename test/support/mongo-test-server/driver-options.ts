/**
 * Driver options for specs that connect to a MongoDB (the wire-protocol test server or MONGODB_TEST_URL)
 * that is up. The test server answers the driver's handshake on the Jest process's own event loop, so a
 * long garbage collection late in a `--runInBand` run can hold the handshake past a short selection
 * timeout (a CI run failed that way at 1 s). The timeout only bounds how long a connection to a server
 * that is really down waits; specs about a server that is down set their own short one.
 */
export const UP_SERVER_DRIVER_OPTIONS = { serverSelectionTimeoutMS: 15_000 } as const;
