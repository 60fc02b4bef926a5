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
  /** Every word's box, in points from the page's top left corner. */
  words: PrintedWord[];
}

export interface PrintedWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const WORD = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;

/** Every page of a PDF: its text (whitespace collapsed) and the heights of its words. */
export async function printedPages(pdf: string): Promise<PrintedPage[]> {
  const text = (await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 << 20 })).stdout.split('\f');
  const bbox = (await run('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 64 << 20 })).stdout;
  const pages = [...bbox.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map((m) =>
    [...m[1]!.matchAll(WORD)].map(([, x0, y0, x1, y1, word]) => ({
      text: word!,
      x0: Number(x0),
      y0: Number(y0),
      x1: Number(x1),
      y1: Number(y1),
    })),
  );
  return pages.map((words, i) => ({
    text: (text[i] ?? '').replace(/\s+/g, ' '),
    wordHeights: words.map((w) => w.y1 - w.y0),
    words,
  }));
}

/**
 * Words printed over one another: text spilling out of a row too short for it, over the row above or below.
 * Lines of one cell touch a little (a box is 1.3 × the type, the line 1.15 ×) and pieces of one word a
 * fraction of a point: only boxes sharing more than 40 % of their height and a point of width count.
 */
export function overprintedWords(page: PrintedPage): string[] {
  const found: string[] = [];
  const sorted = [...page.words].sort((a, b) => a.y0 - b.y0);
  sorted.forEach((a, i) => {
    for (const b of sorted.slice(i + 1)) {
      if (b.y0 >= a.y1) break;
      const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      if (dx > 1 && dy > 0.4 * Math.min(a.y1 - a.y0, b.y1 - b.y0)) found.push(`"${a.text}" / "${b.text}"`);
    }
  });
  return found;
}

/** The printed size (pt) of the smallest text on a page. */
export const smallestPrintedSize = (page: PrintedPage): number => Math.min(...page.wordHeights) / 1.3;
