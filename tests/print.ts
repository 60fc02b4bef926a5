// Printing a workbook or document through LibreOffice and reading the PDF back, page by page, for tests
// of print layouts. Under CI a missing LibreOffice is a failure (.ci/run installs it), elsewhere a skip.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { SOFFICE, soffice } from './soffice.js';

const run = promisify(execFile);

export const haveOffice = existsSync(SOFFICE) && existsSync('/usr/bin/pdftotext');
if (!haveOffice && process.env.CI === 'true')
  throw new Error('LibreOffice hoặc pdftotext chưa được cài: CI phải cài libreoffice-calc-nogui poppler-utils.');

/** Converts `file` with LibreOffice (`format`: pdf, xlsx…) into `outDir`; the converted file's path. */
export async function convert(file: string, outDir: string, format = 'pdf'): Promise<string> {
  await soffice(format, outDir, [file]);
  return path.join(outDir, `${path.basename(file).replace(/\.[^.]+$/, '')}.${format}`);
}

export interface PrintedPage {
  text: string;
  /** Height of every word's box, in points: LibreOffice draws a word `1.3 × its font size` high. */
  wordHeights: number[];
}

/** Every page of a PDF: its text (whitespace collapsed) and the heights of its words. */
export async function printedPages(pdf: string): Promise<PrintedPage[]> {
  const text = (await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 << 20 })).stdout.split('\f');
  const bbox = (await run('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 64 << 20 })).stdout;
  const pages = [...bbox.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map((m) =>
    [...m[1]!.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((w) => Number(w[2]) - Number(w[1])),
  );
  return pages.map((wordHeights, i) => ({ text: (text[i] ?? '').replace(/\s+/g, ' '), wordHeights }));
}

/** The printed size (pt) of the smallest text on a page. */
export const smallestPrintedSize = (page: PrintedPage): number => Math.min(...page.wordHeights) / 1.3;
