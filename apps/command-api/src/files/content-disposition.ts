/**
 * `Content-Disposition: attachment` for a stored file name (already sanitized: no controls, no path):
 * `filename*` carries it exactly (RFC 6266 / RFC 8187 UTF-8 percent-encoding), and `filename` an ASCII
 * stand-in for clients that do not read `filename*` (non-ASCII, quotes, backslashes and `%` become `_`).
 * Always `attachment`: a browser saves the file rather than rendering it in the API's origin.
 */
export const contentDisposition = (fileName: string): string => {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
};
