// The streaming XML tokenizer the checker and the package editors read sheets with: whatever way the text
// is cut into chunks (a zip inflates in pieces of any size), the same tags and the same decoded text come
// out, and a scan ends where its handler has read enough.
import { describe, expect, it } from 'vitest';
import { attr, decodeEntities, XmlScanner, XmlTooLarge, type XmlAttrs, type XmlHandler } from '../../ooxml/xml-scan.js';

type Event = ['open', string, string] | ['close', string] | ['text', string];

/** Records every event; adjacent text pieces are joined, as a reader of the text would. */
class Recorder implements XmlHandler {
  events: Event[] = [];
  finished = false;
  constructor(private readonly stopAt?: string) {}
  open(name: string, attrs: XmlAttrs) {
    this.events.push(['open', name, attrs.raw().trim()]);
  }
  close(name: string) {
    this.events.push(['close', name]);
    if (name === this.stopAt) this.finished = true;
  }
  text(text: string) {
    const last = this.events.at(-1);
    if (last?.[0] === 'text') last[1] += text;
    else this.events.push(['text', text]);
  }
  wantsText() {
    return true;
  }
}

function scan(chunks: (string | Uint8Array)[], stopAt?: string): Event[] {
  const recorder = new Recorder(stopAt);
  const scanner = new XmlScanner(recorder);
  for (const chunk of chunks) scanner.write(chunk);
  scanner.end();
  return recorder.events;
}

const SHEET =
  '<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="urn:x"><!-- made by hand -->' +
  '<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Sở Công Thương &amp; Ủy ban &#273;&#x1EA1;t</x:t></x:is></x:c>' +
  '<x:c r="B1" t="str" note="a > b"><x:f>A1&amp;"&lt;x&gt;"</x:f></x:c><x:c r="C1"/></x:row>' +
  '<x:row r="2"><x:c r="A2"><x:v><![CDATA[<không phải thẻ>]]></x:v></x:c></x:row></x:sheetData>' +
  '<x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>';

describe('the XML scanner', () => {
  it('gives tags without their namespace prefix, attributes raw, and text with entities decoded', () => {
    const events = scan([SHEET]);
    expect(events.slice(0, 8)).toEqual([
      ['open', 'worksheet', 'xmlns:x="urn:x"'],
      ['open', 'sheetData', ''],
      ['open', 'row', 'r="1"'],
      ['open', 'c', 'r="A1" t="inlineStr"'],
      ['open', 'is', ''],
      ['open', 't', ''],
      ['text', 'Sở Công Thương & Ủy ban đạt'],
      ['close', 't'],
    ]);
    // A '>' inside a quoted attribute value does not end the tag; a self-closing tag opens and closes.
    expect(events).toContainEqual(['open', 'c', 'r="B1" t="str" note="a > b"']);
    expect(events).toContainEqual(['text', 'A1&"<x>"']);
    const c1 = events.findIndex((e) => e[0] === 'open' && e[2] === 'r="C1"');
    expect(events[c1 + 1]).toEqual(['close', 'c']);
    // CDATA is text as written; comments and the declaration are no events.
    expect(events).toContainEqual(['text', '<không phải thẻ>']);
    expect(events.some((e) => e[0] === 'text' && e[1].includes('made by hand'))).toBe(false);
  });

  it('gives the same events whatever the chunk boundaries, entities and tags cut in two included', () => {
    const whole = scan([SHEET]);
    for (let cut = 1; cut < SHEET.length; cut++) expect(scan([SHEET.slice(0, cut), SHEET.slice(cut)])).toEqual(whole);
    const oneByOne = scan([...SHEET]);
    expect(oneByOne).toEqual(whole);
  });

  it('reads bytes cut anywhere, inside a Vietnamese letter included, as it reads the whole part', () => {
    const bytes = new TextEncoder().encode(SHEET);
    const whole = scan([SHEET]);
    for (let cut = 1; cut < bytes.length; cut++)
      expect(scan([bytes.subarray(0, cut), bytes.subarray(cut)]), `cut at byte ${cut}`).toEqual(whole);
  });

  it('reads a part written in UTF-16, as its byte-order mark says, like the same part in UTF-8', () => {
    const utf16 = new Uint8Array(2 + SHEET.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < SHEET.length; i++) {
      utf16[2 + 2 * i] = SHEET.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = SHEET.charCodeAt(i) >> 8;
    }
    expect(scan([utf16.subarray(0, 101), utf16.subarray(101)])).toEqual(scan([SHEET]));
  });

  it('ends the scan where the handler has read enough: what follows is never looked at', () => {
    const events = scan([SHEET.slice(0, 300), SHEET.slice(300)], 'sheetData');
    expect(events.at(-1)).toEqual(['close', 'sheetData']);
    expect(events.some((e) => e[1] === 'mergeCell')).toBe(false);
  });

  it('hands a text run longer than a chunk over in pieces, never cutting an entity', () => {
    const run = 'Đồng &amp; chí '.repeat(40_000);
    const xml = `<t>${run}</t>`;
    const chunks: string[] = [];
    for (let i = 0; i < xml.length; i += 65_537) chunks.push(xml.slice(i, i + 65_537));
    expect(scan(chunks)).toEqual([
      ['open', 't', ''],
      ['text', decodeEntities(run)],
      ['close', 't'],
    ]);
  });

  it('refuses a tag larger than any spreadsheet writer makes', () => {
    const scanner = new XmlScanner(new Recorder());
    expect(() => scanner.write(`<c r="${'A'.repeat(1024 * 1024 + 10)}`)).toThrow(XmlTooLarge);
  });
});

describe('attributes and entities', () => {
  it("gives a tag's attributes by local name, prefixed or not, whatever the quotes and spaces", () => {
    const seen: Record<string, string | undefined>[] = [];
    const names = ['id', 'sheetId', 'name', 'state', 'v', 'data-id'];
    const scanner = new XmlScanner({
      open: (_, attrs) => seen.push(Object.fromEntries(names.map((n) => [n, attrs.get(n)]))),
      close() {},
      text() {},
      wantsText: () => false,
    });
    scanner.write(
      '<sheet xmlns:r="urn:r" name="Cá nhân" sheetId = \'2\' r:id="rId2" data-id="no" v="a &lt; b &gt; c"/>',
    );
    expect(seen).toEqual([
      { id: 'rId2', sheetId: '2', name: 'Cá nhân', state: undefined, v: 'a < b > c', 'data-id': 'no' },
    ]);
  });

  it('finds an attribute by its local name, prefixed or not, and not inside another name', () => {
    const raw = ' xmlns:r="urn:r" name="Cá nhân" sheetId = \'2\' r:id="rId2" data-id="no"';
    expect(attr(raw, 'id')).toBe('rId2');
    expect(attr(raw, 'sheetId')).toBe('2');
    expect(attr(raw, 'name')).toBe('Cá nhân');
    expect(attr(raw, 'state')).toBeUndefined();
    expect(attr(' v="a &lt; b"', 'v')).toBe('a < b');
  });

  it('decodes named and numeric entities and drops numbers that are no character', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos;')).toBe('<>&"\'');
    expect(decodeEntities('&#7875;&#x1EC3;')).toBe('ểể');
    expect(decodeEntities('a&#xD800;b&#1114112;c')).toBe('abc');
    expect(decodeEntities('AT&T; &unknown;')).toBe('AT&T; &unknown;');
  });
});
