/**
 * A UTF-16 surrogate without its pair is not Unicode text: it cannot be encoded as UTF-8 (it becomes
 * U+FFFD, so two different values would store, hash and compare as one) and encoders such as encodeURI
 * throw on it.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);

/** Code points, as the API counts characters (one function for the event schemas and the domain). */
export { characterCount } from '@practice/events';
