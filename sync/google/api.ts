// The two Google APIs the sync uses, reached through googleapis's per-API entry points. Its main entry
// declares and loads every Google API (some 170 MB of type declarations, seconds of module loading at run
// time) where the sync needs only Drive v3 and Sheets v4.
import type { AuthPlus } from 'googleapis/build/src/apis/sheets/index.js';

export type { drive_v3 } from 'googleapis/build/src/apis/drive/index.js';
export type { sheets_v4 } from 'googleapis/build/src/apis/sheets/index.js';
export type OAuth2Client = InstanceType<AuthPlus['OAuth2']>;
export type JWT = InstanceType<AuthPlus['JWT']>;

/** Loaded when a Google command runs, so that merge and the other offline commands never load googleapis. */
export const loadSheets = () => import('googleapis/build/src/apis/sheets/index.js');
export const loadDrive = () => import('googleapis/build/src/apis/drive/index.js');
