/**
 * The main text of a Word 97–2003 file (.doc) read from its bytes with no Node API, for the
 * extension's 检查附件 (the CLI keeps word-extractor, which needs Buffer and streams). It gives the
 * text as word-extractor's getBody() does — cell and row-end marks as tabs, paragraph marks as line
 * breaks, field codes dropped and their results kept — so rowBreaks (word.ts) reads it alike.
 * Not read: tracked deletions are kept as text, and headers, footnotes and text boxes are left out.
 *
 * The file is an OLE compound file (sectors chained by a FAT, a directory of streams); the
 * WordDocument stream's FIB points at the piece table (Clx) in the 0Table or 1Table stream, which
 * maps character positions to 8-bit (cp1252) or UTF-16 runs of the WordDocument stream.
 */

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;

class Bytes {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16 = (at: number) => this.view.getUint16(at, true);
  u32 = (at: number) => this.view.getUint32(at, true);
  get length() {
    return this.bytes.length;
  }
}

const broken = () => new Error('Word 文件（.doc）已损坏或无法解析');

/** The compound file's streams by name. */
function streams(file: Bytes): (name: string) => Uint8Array | null {
  const sectorSize = 1 << file.u16(0x1e);
  const miniSize = 1 << file.u16(0x20);
  const cutoff = file.u32(0x38);
  const sector = (id: number) => {
    const at = (id + 1) * sectorSize;
    if (at + sectorSize > file.length) throw broken();
    return file.bytes.subarray(at, at + sectorSize);
  };
  // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
  const fatIds: number[] = [];
  for (let i = 0; i < 109; i++) fatIds.push(file.u32(0x4c + i * 4));
  for (let id = file.u32(0x44), n = 0; id !== END_OF_CHAIN && id !== FREE && n < file.u32(0x48); n++) {
    const s = new Bytes(sector(id));
    for (let i = 0; i < sectorSize / 4 - 1; i++) fatIds.push(s.u32(i * 4));
    id = s.u32(sectorSize - 4);
  }
  const fat: number[] = [];
  for (const id of fatIds) {
    if (id === FREE || id === END_OF_CHAIN) continue;
    const s = new Bytes(sector(id));
    for (let i = 0; i < sectorSize / 4; i++) fat.push(s.u32(i * 4));
  }
  /** A chain's sectors joined; a loop or a chain out of the file is a broken file. */
  const chain = (start: number, next: readonly number[], read: (id: number) => Uint8Array, size: number) => {
    const parts: Uint8Array[] = [];
    for (let id = start; id !== END_OF_CHAIN; id = next[id]!) {
      if (id >= next.length || parts.length > next.length) throw broken();
      parts.push(read(id));
    }
    const out = new Uint8Array(parts.length * size);
    parts.forEach((p, i) => out.set(p, i * size));
    return out;
  };
  const directory = new Bytes(chain(file.u32(0x30), fat, sector, sectorSize));
  const entries = new Map<string, { start: number; size: number; type: number }>();
  for (let at = 0; at + 128 <= directory.length; at += 128) {
    const nameBytes = Math.min(64, directory.u16(at + 0x40));
    const name = String.fromCharCode(
      ...Array.from({ length: Math.max(0, nameBytes / 2 - 1) }, (_, i) => directory.u16(at + i * 2)),
    );
    entries.set(name, {
      type: directory.bytes[at + 0x42]!,
      start: directory.u32(at + 0x74),
      size: directory.u32(at + 0x78),
    });
  }
  const root = [...entries.values()].find((e) => e.type === 5);
  let mini: { fat: number[]; data: Uint8Array } | null = null;
  const miniStream = () => {
    if (!mini) {
      const table = new Bytes(chain(file.u32(0x3c), fat, sector, sectorSize));
      const miniFat = Array.from({ length: table.length / 4 }, (_, i) => table.u32(i * 4));
      mini = { fat: miniFat, data: root ? chain(root.start, fat, sector, sectorSize) : new Uint8Array() };
    }
    return mini;
  };
  return (name) => {
    const e = entries.get(name);
    if (e?.type !== 2) return null;
    if (e.size >= cutoff) return chain(e.start, fat, sector, sectorSize).subarray(0, e.size);
    const { fat: miniFat, data } = miniStream();
    const read = (id: number) => {
      if ((id + 1) * miniSize > data.length) throw broken();
      return data.subarray(id * miniSize, (id + 1) * miniSize);
    };
    return chain(e.start, miniFat, read, miniSize).subarray(0, e.size);
  };
}

/** cp1252's 0x80–0x9F, as Word's 8-bit pieces use them (the rest of the byte range is Latin-1). */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Operand sizes by a sprm's spra bits (6: a length byte first). */
const OPERAND = [1, 1, 2, 4, 2, 2, -1, 3];
/** sprmPFTtp: the paragraph is a table row's end mark. */
const ROW_END = 0x2417;

/**
 * Where the row-end paragraphs sit in the WordDocument stream ([from, to) file offsets), from the
 * paragraph properties (PlcBtePapx → PapxFkp pages): their mark reads as a line break, as
 * word-extractor writes it.
 */
function rowEnds(word: Bytes, table: Bytes): [number, number][] {
  const out: [number, number][] = [];
  const plc = word.u32(0x102);
  const count = (word.u32(0x106) - 4) / 8;
  if (!Number.isInteger(count) || plc + (count * 8 + 4) > table.length) return out;
  for (let i = 0; i < count; i++) {
    const page = table.u32(plc + (count + 1) * 4 + i * 4) * 512;
    if (page + 512 > word.length) continue;
    const fkp = new Bytes(word.bytes.subarray(page, page + 512));
    const crun = fkp.bytes[511]!;
    for (let j = 0; j < crun; j++) {
      const at = fkp.bytes[(crun + 1) * 4 + j * 13]! * 2;
      if (!at) continue;
      const cb = fkp.bytes[at]!;
      const [from, to] = cb ? [at + 1, at + 2 * cb] : [at + 2, at + 2 + 2 * fkp.bytes[at + 1]!];
      // After the style index (2 bytes): the sprms.
      for (let k = from + 2; k + 2 <= Math.min(to, 511); ) {
        const sprm = fkp.u16(k);
        k += 2;
        if (sprm === ROW_END && fkp.bytes[k] === 1) out.push([fkp.u32(j * 4), fkp.u32((j + 1) * 4)]);
        const size = OPERAND[sprm >> 13]!;
        k += size < 0 ? fkp.bytes[k]! + 1 : size;
      }
    }
  }
  return out.sort((p, q) => p[0] - q[0]);
}

/** The main document's characters, piece by piece (FIB fields at fixed offsets for Word 97 and later). */
function mainText(word: Bytes, table: Bytes): string {
  const ends = rowEnds(word, table);
  const isRowEnd = (fc: number) => {
    let lo = 0;
    let hi = ends.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [from, to] = ends[mid]!;
      if (fc < from) hi = mid - 1;
      else if (fc >= to) lo = mid + 1;
      else return true;
    }
    return false;
  };
  const ccpText = word.u32(0x4c);
  let at = word.u32(0x1a2);
  const end = at + word.u32(0x1a6);
  // The Clx: property runs (0x01) before the piece table (0x02).
  while (at < end && table.bytes[at] === 0x01) at += 3 + table.u16(at + 1);
  if (table.bytes[at] !== 0x02 || at + 5 > table.length) throw broken();
  const size = table.u32(at + 1);
  const plc = at + 5;
  const pieces = (size - 4) / 12;
  if (!Number.isInteger(pieces) || plc + size > table.length) throw broken();
  let out = '';
  for (let i = 0; i < pieces && out.length < ccpText; i++) {
    const from = table.u32(plc + i * 4);
    const to = Math.min(table.u32(plc + (i + 1) * 4), from + (ccpText - out.length));
    if (to <= from) continue;
    const fc = table.u32(plc + (pieces + 1) * 4 + i * 8 + 2);
    const compressed = (fc & 0x40000000) !== 0;
    const start = compressed ? (fc & 0x3fffffff) / 2 : fc;
    const count = to - from;
    if (start + count * (compressed ? 1 : 2) > word.length) throw broken();
    for (let k = 0; k < count; k++) {
      const fc = compressed ? start + k : start + k * 2;
      if (isRowEnd(fc)) out += '\n';
      else if (compressed) {
        const b = word.bytes[fc]!;
        out += b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80]! : String.fromCharCode(b);
      } else out += String.fromCharCode(word.u16(fc));
    }
  }
  return out;
}

/** Word's marks (control characters of the text stream), by what word-extractor writes for them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: Word's marks are control characters
const DROPPED = /[\x00-\x06\x08\x1f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: Word's marks are control characters
const BREAKS = /[\x0b\x0c\r]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a field is \x13 code \x14 result \x15
const FIELD = /\x13[^\x13\x14\x15]*\x14?([^\x13\x14\x15]*)\x15/g;

/** Cells and row ends a tab, paragraphs and breaks a line; field codes out, their results kept; quotes and dashes plain (getBody's filter). */
function clean(text: string): string {
  let s = text.replaceAll('\x07', '\t').replace(BREAKS, '\n').replaceAll('\x1e', '\u2011');
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.replace(FIELD, '$1');
  }
  return s
    .replace(DROPPED, '')
    .replace(/[\u2002\u2003]/g, ' ')
    .replace(/[\u2012\u2013\u2014]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
}

/** The body text of a .doc; throws a Chinese message for a broken or password-protected file. */
export function readDocText(bytes: Uint8Array): string {
  let text: string;
  try {
    const open = streams(new Bytes(bytes));
    const word = open('WordDocument');
    if (!word || word.length < 0x1aa || new Bytes(word).u16(0) !== 0xa5ec) throw broken();
    const flags = new Bytes(word).u16(0x0a);
    if (flags & 0x0100) throw new Error('Word 文件（.doc）有密码保护，无法读取');
    const table = open(flags & 0x0200 ? '1Table' : '0Table');
    if (!table) throw broken();
    text = mainText(new Bytes(word), new Bytes(table));
  } catch (e) {
    throw e instanceof Error && /Word 文件/.test(e.message) ? e : broken();
  }
  return clean(text);
}

/**
 * word-extractor (and readDocText) turn every cell mark into a tab, and a row's end mark into a tab
 * too in some files (a line break in others); where a row ends in two tabs, the line break is put
 * back when the next row plainly starts.
 */
/** A row label at the start of a row: 一、 （一） 1. — the shapes every table of the report uses. */
const ROW_START = /^\t*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、])/;

export function rowBreaks(text: string): string {
  // After a row's last cell ("\t") and its end mark ("\t"): the next row, when it starts like one,
  // or the paragraph after the table (text with no cell in it). The look-ahead is bounded.
  return text.replace(/\t\t/g, (match, offset: number) => {
    const line = text.slice(offset + 2, offset + 202).split('\n')[0]!;
    const starts = ROW_START.test(line) || (line.length > 0 && !line.includes('\t'));
    return starts ? '\t\t\n' : match;
  });
}
