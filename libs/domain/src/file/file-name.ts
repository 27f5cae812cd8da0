/** The longest file name kept, in characters (what most file systems allow, and enough for any real name). */
export const MAX_FILE_NAME_LENGTH = 255;

/** The name of a file that came without a usable one. */
export const FALLBACK_FILE_NAME = 'document';

const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// C0 and C1 controls, DEL, and the bidirectional overrides that make "evil\u202Efdp.exe" read as "evilexe.pdf".
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Cuts a name to `max` code points, keeping a short extension (".pdf") when there is one. */
const bounded = (name: string, max: number): string => {
  const points = Array.from(name);
  if (points.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length > 0 && extension.length <= 16) return [...points.slice(0, max - extension.length), ...extension].join('');
  return points.slice(0, max).join('');
};

/**
 * A file name as a user's browser sent it, made safe to keep and to send back in Content-Disposition:
 * the last path segment only (no "../", no "C:\\"), no control or bidi-override characters, no lone
 * surrogates, spaces collapsed, no leading dots (no hidden or "..") and at most 255 characters.
 * Nothing usable left: "document".
 */
export const sanitizeFileName = (raw: string | undefined | null): string => {
  const lastSegment = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    .replace(LONE_SURROGATES, '')
    .replace(CONTROLS, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .trim();
  return cleaned === '' ? FALLBACK_FILE_NAME : bounded(cleaned, MAX_FILE_NAME_LENGTH);
};
