import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream } from 'pdf-lib';

// The text a printed page shows, read back from Chromium's PDF: each font's ToUnicode
// map turns the glyph codes of `Tj`/`TJ` into characters, through the page's form
// XObjects too. Enough to check what a printed page says, not a general PDF reader.

type Font = { bytes: number; map: Map<number, string> };

function decode(doc: PDFDocument, obj: unknown): string {
  const s = (obj instanceof PDFRef ? doc.context.lookup(obj) : obj) as PDFRawStream;
  const raw = Buffer.from(s.getContents());
  try { return inflateSync(raw).toString('latin1'); } catch { return raw.toString('latin1'); }
}

function hexChars(hex: string): string {
  const b = Buffer.from(hex, 'hex');
  let s = '';
  for (let k = 0; k + 1 < b.length; k += 2) s += String.fromCharCode(b.readUInt16BE(k));
  return s;
}

function toUnicode(cmap: string): Font {
  const map = new Map<number, string>();
  const space = cmap.match(/begincodespacerange\s*<([0-9a-fA-F]+)>/);
  const bytes = space ? space[1].length / 2 : 2;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1], 16), hexChars(m[2]));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<([0-9a-fA-F]+)>|\[([^\]]*)\])/g)) {
      const [lo, hi] = [parseInt(m[1], 16), parseInt(m[2], 16)];
      if (m[4]) {
        const start = parseInt(m[4], 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCodePoint(start + c - lo));
      } else {
        const list = [...m[5].matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => hexChars(x[1]));
        for (let c = lo; c <= hi; c++) map.set(c, list[c - lo] ?? '');
      }
    }
  }
  return { bytes, map };
}

function resources(doc: PDFDocument, dict: PDFDict | undefined, name: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const sub = dict?.lookup(PDFName.of(name));
  if (sub instanceof PDFDict) for (const [k, v] of sub.entries()) out.set(k.asString().slice(1), v);
  return out;
}

function run(doc: PDFDocument, content: string, res: PDFDict | undefined, out: string[]) {
  const fonts = new Map<string, Font>();
  for (const [k, ref] of resources(doc, res, 'Font')) {
    const f = doc.context.lookup(ref as PDFRef) as PDFDict;
    const tu = f.get(PDFName.of('ToUnicode'));
    if (tu) fonts.set(k, toUnicode(decode(doc, tu)));
  }
  const forms = resources(doc, res, 'XObject');
  let font: Font | undefined;
  const text = (hex: string) => {
    if (!font) return;
    const b = Buffer.from(hex.length % 2 ? hex + '0' : hex, 'hex');
    for (let k = 0; k + font.bytes <= b.length; k += font.bytes) {
      out.push(font.map.get(font.bytes === 1 ? b[k] : b.readUInt16BE(k)) ?? '');
    }
  };
  for (const m of content.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj|\[([^\]]*)\]\s*TJ|\/(\S+)\s+Do|(ET)/g)) {
    if (m[1]) font = fonts.get(m[1]);
    else if (m[2] !== undefined) text(m[2]);
    else if (m[3] !== undefined) for (const h of m[3].matchAll(/<([0-9a-fA-F]*)>/g)) text(h[1]);
    else if (m[5]) out.push('\n');
    else if (m[4] && forms.has(m[4])) {
      const x = doc.context.lookup(forms.get(m[4]) as PDFRef);
      if (x instanceof PDFStream && x.dict.get(PDFName.of('Subtype'))?.toString() === '/Form') {
        run(doc, decode(doc, x), x.dict.lookup(PDFName.of('Resources')) as PDFDict | undefined, out);
      }
    }
  }
}

/** The text of page `i` of `doc`, runs separated by newlines. */
export function pageText(doc: PDFDocument, i: number): string {
  const page = doc.getPages()[i];
  const contents = page.node.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  const out: string[] = [];
  run(doc, refs.map((r) => decode(doc, r)).join('\n'), page.node.Resources(), out);
  return out.join('');
}
