// Reads one entry of a zip (xlsx, docx) as text, for tests that look inside Office files.
import yauzl from 'yauzl';
import { decodeEntities } from '../ooxml/xml-scan.js';

export function zipEntry(file: string, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.on('end', () => reject(new Error(`${name} not in ${file}`)));
      zip.readEntry();
    });
  });
}

/** The paragraphs of a .docx's body, each as its plain text. */
export async function docxParagraphs(file: string): Promise<string[]> {
  const xml = await zipEntry(file, 'word/document.xml');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    // Decoded in one pass: "&amp;lt;" is the text "&lt;", not "<".
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeEntities(t[1]!)).join(''),
  );
}
