// Drive folders and spreadsheets may be given by id or by the address copied from the browser. Only the
// id's characters are accepted: the folder id goes into a Drive search query between quotes.
const GOOGLE_ID = /^[A-Za-z0-9_-]+$/;

/** The id from a bare id or a Google address (`…/folders/ID…`, `…/spreadsheets/d/ID/edit…`, `?id=ID`); undefined otherwise. */
export function googleId(text: string, kind: 'folder' | 'sheet'): string | undefined {
  const value = text.trim();
  if (GOOGLE_ID.test(value)) return value;
  const pattern = kind === 'folder' ? /\/folders\/([A-Za-z0-9_-]+)/ : /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/;
  return pattern.exec(value)?.[1] ?? /[?&]id=([A-Za-z0-9_-]+)/.exec(value)?.[1];
}
