// Text from files (names in the inbox, cells of a workbook) printed to a terminal: its control characters
// are shown escaped, so an escape sequence in a file name cannot retitle the window or clear the screen,
// and a newline in a name cannot print a line of its own that looks like the program's.
// C0 controls, DEL and C1 controls (ESC, CSI 0x9b, BEL, CR, LF, …).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One line of text, safe to print: every control character written as an escape (\n, \x1b, …). */
export const terminalSafe = (text: string): string =>
  text.replace(CONTROL, (c) => NAMED[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

/** Text of several lines made by the program: each line made safe, the program's own line breaks kept. */
export const terminalSafeLines = (text: string): string => text.split('\n').map(terminalSafe).join('\n');
