export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_STORE = Symbol('READ_STORE');
export const CREDENTIAL_STORE = Symbol('CREDENTIAL_STORE');
export const APP_CONFIG = Symbol('APP_CONFIG');
export const PROJECTOR = Symbol('PROJECTOR');
export const BLOB_STORE = Symbol('BLOB_STORE');
