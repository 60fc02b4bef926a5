// What a user may never read (Node's, zod's and the zip libraries' own English) and the log file a failure
// message names: shared by the tests of the command runner and of each command's failures.
import { promises as fs } from 'node:fs';
import { expect } from 'vitest';

export const ENGLISH =
  /central directory|invalid block|mismatch|not valid for encoding|Expected|received|EACCES:|Cannot read|permission denied|Unknown option|Unexpected argument|argument missing|undefined|TypeError|Corrupted|End of data|[Cc]annot |[Ii]nvalid |is not a/;

export const LOG_SENTENCE = /Chi tiết kỹ thuật đã ghi vào tệp "([^"]+)"/;

/** The log file a message names, read. */
export async function namedLog(text: string): Promise<string> {
  const file = LOG_SENTENCE.exec(text)?.[1];
  expect(file, text).toBeDefined();
  return fs.readFile(file!, 'utf8');
}
