// Small edits on raw XML text, for patching parts without re-writing them: attributes set or removed in a
// tag's attribute text, text escaped as OOXML wants it.

/** Sets (or, with undefined, removes) an attribute in raw attribute text such as ` r="A1" s="3"`. */
export function setAttr(attrs: string, name: string, value: string | undefined): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
  const next = value === undefined ? '' : ` ${name}="${escapeXml(value)}"`;
  return re.test(attrs) ? attrs.replace(re, next) : value === undefined ? attrs : attrs + next;
}

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Cell and comment text: XML-escaped, and characters XML cannot hold written as _xHHHH_, as Excel does
 *  (a literal "_x0041_" is itself escaped, so it reads back as typed). */
export const escapeText = (s: string): string =>
  escapeXml(
    s
      .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_')
      .replace(
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
        (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
      ),
  );

/** The namespace prefix ("x:" or "") a part gives its root element `name`. */
export function prefixOf(xml: string, name: string): string {
  return new RegExp(`<([\\w.-]+:)?${name}[\\s>/]`).exec(xml)?.[1] ?? '';
}

/** The prefix a part declares for a namespace URI, e.g. "r" for relationships; undefined when undeclared. */
export function nsPrefix(xml: string, uri: string): string | undefined {
  return new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${uri.replace(/[.]/g, '\\.')}["']`).exec(xml)?.[1];
}
