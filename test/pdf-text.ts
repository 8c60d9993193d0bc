import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF as pdfkit (under pdfmake) writes it, for tests: objects are read, Flate
 * streams inflated, each font's ToUnicode map parsed, and the glyph codes of every `Tj`/`TJ`
 * turned back into text with the font selected by `Tf`; lines end with "\n". Enough to
 * prove what a reader would copy out of the document, not a general PDF parser.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: string | null }>();
  for (const match of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2] ?? '';
    const start = body.indexOf('stream');
    if (start < 0) {
      objects.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, start);
    const dataStart = start + (body[start + 6] === '\r' ? 8 : 7);
    const data = Buffer.from(body.slice(dataStart, body.lastIndexOf('endstream')), 'latin1');
    const stream = /\/FlateDecode/.test(dict)
      ? inflateSync(data).toString('latin1')
      : data.toString('latin1');
    objects.set(Number(match[1]), { dict, stream });
  }
  const unicodeOf = (objectId: number): Map<number, string> => {
    const map = new Map<number, string>();
    const cmap = objects.get(objectId)?.stream ?? '';
    const hexText = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
    const ranges = [...cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)].map((block) => block[1] ?? '');
    for (const line of ranges.join('\n').split('\n')) {
      // A ligature maps to several characters: `<0066 0069>` is "fi".
      const codes = [...line.matchAll(/<([0-9a-f\s]+)>/gi)].map((hex) => (hex[1] ?? '').replace(/\s/g, ''));
      const [from, to, ...targets] = codes;
      if (from === undefined || to === undefined || targets.length === 0) continue;
      const first = Number.parseInt(from, 16);
      if (line.includes('[')) {
        for (const [index, target] of targets.entries()) map.set(first + index, hexText(target));
        continue;
      }
      const base = hexText(targets[0] ?? '').codePointAt(0) ?? 0;
      for (let code = first; code <= Number.parseInt(to, 16); code++) {
        map.set(code, String.fromCodePoint(base + code - first));
      }
    }
    const chars = [...cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)].map((block) => block[1] ?? '');
    for (const pair of chars.join('\n').matchAll(/<([0-9a-f]+)>\s*<([0-9a-f\s]+)>/gi)) {
      map.set(Number.parseInt(pair[1] ?? '0', 16), hexText((pair[2] ?? '').replace(/\s/g, '')));
    }
    return map;
  };
  // Font resource names (/F1) → ToUnicode maps, through the font objects.
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    for (const ref of dict.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) {
      const font = objects.get(Number(ref[2]));
      const toUnicode = /\/ToUnicode\s+(\d+) 0 R/.exec(font?.dict ?? '');
      if (toUnicode) fonts.set(ref[1] ?? '', unicodeOf(Number(toUnicode[1])));
    }
  }
  const lines: string[] = [];
  for (const { stream } of objects.values()) {
    if (!stream || !/\bTf\b/.test(stream)) continue;
    let font = new Map<number, string>();
    for (const op of stream.matchAll(
      /\/(F\d+)\s+[\d.]+\s+Tf|\[((?:<[0-9a-f]*>|[^\]])*)\]\s*TJ|<([0-9a-f]*)>\s*Tj/gi,
    )) {
      if (op[1]) {
        font = fonts.get(op[1]) ?? new Map();
        continue;
      }
      const hexes =
        op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-f]*)>/gi)].map((m) => m[1] ?? '') : [op[3] ?? ''];
      let text = '';
      for (const hex of hexes) {
        for (let at = 0; at + 4 <= hex.length; at += 4)
          text += font.get(Number.parseInt(hex.slice(at, at + 4), 16)) ?? '';
      }
      lines.push(text);
    }
  }
  // pdfmake writes a line piece by piece, broken after spaces, hyphens and slashes.
  return lines.reduce(
    (text, line) => (text === '' || /[ /-]$/.test(text) ? text + line : `${text}\n${line}`),
    '',
  );
}
