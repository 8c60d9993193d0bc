import { Inflate, inflateSync } from 'fflate';

/**
 * The parts of a .zip held in memory, found through its central directory (which always
 * records the sizes, unlike local headers written by streaming writers such as Excel's
 * exporters). A part is inflated whole (`read`) or chunk by chunk (`stream`), so the parser of a
 * big worksheet never holds the whole XML.
 *
 * Why not a streaming unzip: a stream parser (unzipper, as exceljs's reader uses) ends its
 * stream as soon as its input is written, while parts may still wait in its buffer; under load
 * the parts after the first worksheet (the styles among them) were lost and dates came back as
 * serial numbers. Reading the directory of bytes already in memory has no such race.
 */

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const MAX_END_SEARCH = 22 + 0xffff;
/** About half a megabyte of XML once inflated: a few milliseconds of parsing per piece. */
const STREAM_CHUNK = 64 * 1024;

export class ZipError extends Error {}

interface Entry {
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipArchive {
  private readonly view: DataView;
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.readDirectory();
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** A part inflated whole (styles, shared strings, the workbook); null when absent. */
  read(name: string): Uint8Array | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const data = this.compressed(name, entry);
    if (entry.method === STORED) return data;
    try {
      return inflateSync(data, { out: new Uint8Array(entry.size) });
    } catch (error) {
      throw new ZipError(`${name} cannot be inflated: ${error instanceof Error ? error.message : error}`);
    }
  }

  /** A part inflated in pieces of at most STREAM_CHUNK compressed bytes each, for a parser to take in turn. */
  *stream(name: string): Generator<Uint8Array> {
    const entry = this.entries.get(name);
    if (!entry) throw new ZipError(`${name} is missing`);
    const data = this.compressed(name, entry);
    if (entry.method === STORED) {
      for (let start = 0; start < data.length; start += STREAM_CHUNK)
        yield data.subarray(start, start + STREAM_CHUNK);
      return;
    }
    const out: Uint8Array[] = [];
    const inflate = new Inflate((chunk) => out.push(chunk));
    for (let start = 0; start < data.length || start === 0; start += STREAM_CHUNK) {
      const end = Math.min(start + STREAM_CHUNK, data.length);
      try {
        inflate.push(data.subarray(start, end), end >= data.length);
      } catch (error) {
        throw new ZipError(`${name} cannot be inflated: ${error instanceof Error ? error.message : error}`);
      }
      yield* out.splice(0);
      if (end >= data.length) break;
    }
  }

  private compressed(name: string, entry: Entry): Uint8Array {
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || this.view.getUint32(at, true) !== LOCAL_HEADER)
      throw new ZipError(`${name}: its local header is missing`);
    const start = at + 30 + this.view.getUint16(at + 26, true) + this.view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw new ZipError(`${name} is cut off: the file is truncated`);
    if (entry.method !== STORED && entry.method !== DEFLATED)
      throw new ZipError(`${name} uses compression method ${entry.method}, which is not supported`);
    return this.bytes.subarray(start, end);
  }

  private readDirectory(): void {
    const end = this.findEnd();
    const count = this.view.getUint16(end + 10, true);
    let at = this.view.getUint32(end + 16, true);
    const decoder = new TextDecoder();
    for (let index = 0; index < count; index++) {
      if (at + 46 > this.bytes.length || this.view.getUint32(at, true) !== DIRECTORY_ENTRY)
        throw new ZipError('the central directory is damaged');
      const nameLength = this.view.getUint16(at + 28, true);
      const extraLength = this.view.getUint16(at + 30, true);
      const commentLength = this.view.getUint16(at + 32, true);
      const name = decoder.decode(this.bytes.subarray(at + 46, at + 46 + nameLength));
      // Some writers store names with a leading slash (`/xl/sharedStrings.xml`).
      this.entries.set(name.replace(/^\//, ''), {
        method: this.view.getUint16(at + 10, true),
        compressedSize: this.view.getUint32(at + 20, true),
        size: this.view.getUint32(at + 24, true),
        localOffset: this.view.getUint32(at + 42, true),
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  private findEnd(): number {
    const lowest = Math.max(0, this.bytes.length - MAX_END_SEARCH);
    for (let at = this.bytes.length - 22; at >= lowest; at--) {
      if (this.view.getUint32(at, true) === END_OF_DIRECTORY) return at;
    }
    throw new ZipError('it is not a complete .zip archive (no central directory): the file may be truncated');
  }
}
