// Reads one entry of a zip (xlsx, docx) as text, for tests that look inside Office files.
import { readFile } from 'node:fs/promises';
import { NODE_CODEC } from '../node/zip-codec.js';
import { decodeEntities } from '../ooxml/xml-scan.js';
import { entryData, readZip } from '../ooxml/zip.js';

export async function zipEntry(file: string, name: string): Promise<string> {
  const entry = readZip(await readFile(file)).find((e) => e.name === name);
  if (!entry) throw new Error(`${name} not in ${file}`);
  return Buffer.from(await entryData(entry, NODE_CODEC)).toString('utf8');
}

/** The paragraphs of a .docx's body, each as its plain text. */
export async function docxParagraphs(file: string): Promise<string[]> {
  const xml = await zipEntry(file, 'word/document.xml');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    // Decoded in one pass: "&amp;lt;" is the text "&lt;", not "<".
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeEntities(t[1]!)).join(''),
  );
}
