import { describe, expect, it } from 'vitest';
import { format2019, format2021, type FormatDef } from '../../lib/format';
import { docFromText } from '../../lib/read/doc';
import { numberRows, readTable, readTables, rowKeys } from '../../lib/read/tables';
import { asCellPerLine, asTabs, generate, key } from '../support/report';

/**
 * The table reader on tables written from the format data: what it reads (values, positions, the
 * rows it found and did not), when it gives up, and which format's layout it names.
 */
const table = (format: FormatDef, id: string) => format.tables.find((t) => t.id === id)!;
const values = (format: FormatDef, seed: number) => generate(format, seed);

function read(format: FormatDef, id: string, text: string) {
  return readTable(docFromText(text), table(format, id), format);
}

/** The values the reader found, as `row|column` → value, to compare with what was written. */
const asValues = (cells: { row: string; column: string; value: number | null }[]) =>
  new Map(cells.map((c) => [key(c.row, c.column), c.value]));

describe('a labelled table written in full', () => {
  it.each([
    ['tabs', asTabs],
    ['one cell per line', asCellPerLine],
  ])('reads every cell of the 2021 requests table (%s) at its place in the text', (_name, layout) => {
    const def = table(format2021, 'requests');
    const v = values(format2021, 11).get('requests')!;
    const text = `前面的正文。\n${layout(def, v)}\n后面的正文。`;
    const t = read(format2021, 'requests', text);
    expect(t.status).toBe('ok');
    expect(t.format).toBe(format2021);
    expect(asValues(t.cells)).toEqual(v);
    expect(t.cells.every((c) => c.status === 'ok')).toBe(true);
    for (const c of t.cells) expect(text.slice(c.start, c.end)).toBe(String(c.value));
    expect([...t.found].sort()).toEqual(
      numberRows(def)
        .map((r) => r.row.id)
        .sort(),
    );
    expect(t.absent).toEqual([]);
    // the table starts at its start words (本年新收), and ends after its last number
    expect(t.start).toBe(text.indexOf(def.start![0]!));
    expect(t.end).toBe(t.cells[t.cells.length - 1]!.end);
    expect(text.slice(t.end).trim()).toBe('后面的正文。');
    // two points a row label, one a column label found
    const rows = numberRows(def).length;
    expect(t.score).toBeGreaterThan(rows * 2);
    expect(t.score).toBeLessThanOrEqual(rows * 2 + def.sections.reduce((n, s) => n + s.columns.length, 0));
  });

  it('reads an empty cell and a word as what they are, in their own cells', () => {
    const def = table(format2021, 'active');
    const v = values(format2021, 5).get('active')!;
    const row = numberRows(def)[0]!;
    const [c0, c1] = row.section.columns;
    const text = asTabs(def, v)
      .split('\n')
      .map((l) =>
        l.startsWith(`${row.row.label}\t`) ? [row.row.label, '', 'abc', ...l.split('\t').slice(3)].join('\t') : l,
      )
      .join('\n');
    const t = read(format2021, 'active', text);
    const cell = (column: string) => t.cells.find((c) => c.row === row.row.id && c.column === column)!;
    expect([cell(c0!.id).status, cell(c0!.id).value]).toEqual(['blank', null]);
    expect(cell(c1!.id).value).toBeNull();
    expect(cell(c1!.id).status).not.toBe('ok');
    expect(cell(c1!.id).raw).toBe('abc');
    // the numbers after the word keep their columns
    const rest = row.section.columns.slice(2);
    expect(rest.length).toBeGreaterThan(0);
    for (const c of rest) expect(cell(c.id).value).toBe(v.get(key(row.row.id, c.id)));
  });

  it('a row with fewer numbers than columns: the rest are missing cells, not the next row’s numbers', () => {
    const def = table(format2021, 'requests');
    const v = values(format2021, 3).get('requests')!;
    const lines = asTabs(def, v).split('\n');
    const i = lines.findIndex((l) => l.startsWith('一、本年新收'));
    lines[i] = lines[i]!.split('\t').slice(0, 3).join('\t');
    const t = read(format2021, 'requests', lines.join('\n'));
    const row = t.cells.filter((c) => c.row === 'new');
    expect(row.slice(0, 2).map((c) => c.value)).toEqual([
      v.get(key('new', row[0]!.column)),
      v.get(key('new', row[1]!.column)),
    ]);
    for (const c of row.slice(2))
      expect(c).toEqual({ row: 'new', column: c.column, value: null, raw: '', status: 'missing' });
    const next = t.cells.filter((c) => c.row === 'closed' || c.row === numberRows(def)[2]!.row.id);
    expect(next.every((c) => c.status === 'ok')).toBe(true);
  });
});

describe('a grid copied with empty fields around its numbers', () => {
  /**
   * The 2021 requests table as Word copies a grid whose labels span two columns: an empty field after
   * each label and a tab at each row's end. `blank` rows leave their cell of `column` empty.
   */
  function grid(v: Map<string, number>, blank: Set<string>, column: string) {
    const def = table(format2021, 'requests');
    const columns = def.sections[0]!.columns;
    const lines = [def.title, ['', '', ...columns.map((c) => c.label)].join('\t')];
    for (const r of def.sections[0]!.rows) {
      if (r.group) lines.push(r.label);
      else {
        const cells = columns.map((c) => (blank.has(r.id) && c.id === column ? '' : String(v.get(key(r.id, c.id)))));
        lines.push(`${r.label}\t\t${cells.join('\t')}\t`);
      }
    }
    return lines.join('\n');
  }
  const v = values(format2021, 8).get('requests')!;

  it('a row’s own blank last cell stays in its column: the empty fields every row has are dropped first', () => {
    const t = read(format2021, 'requests', grid(v, new Set(['granted', 'carryover']), 'total'));
    expect(t.status).toBe('ok');
    for (const c of t.cells) {
      if ((c.row === 'granted' || c.row === 'carryover') && c.column === 'total') expect(c.status).toBe('blank');
      else expect([c.row, c.column, c.value]).toEqual([c.row, c.column, v.get(key(c.row, c.column))]);
    }
  });

  it('a row’s own blank first cell stays in its column too', () => {
    const t = read(format2021, 'requests', grid(v, new Set(['granted']), 'natural'));
    for (const c of t.cells) {
      if (c.row === 'granted' && c.column === 'natural') expect(c.status).toBe('blank');
      else expect([c.row, c.column, c.value]).toEqual([c.row, c.column, v.get(key(c.row, c.column))]);
    }
  });
});

describe('a row with more fields than its cells (merged labels, placeholders, stray tabs)', () => {
  const def = table(format2021, 'requests');
  const columns = def.sections[0]!.columns;
  const v = values(format2021, 8).get('requests')!;
  /** The requests table as tab rows, `row` written by `edit` from its label and its numbers. */
  function rows(
    edit: (label: string, cells: string[]) => string,
    row = 'granted',
    usual = (l: string, c: string[]) => [l, ...c].join('\t'),
  ) {
    const lines = [def.title, ['', ...columns.map((c) => c.label)].join('\t')];
    for (const r of def.sections[0]!.rows) {
      if (r.group) lines.push(r.label);
      else {
        const cells = columns.map((c) => String(v.get(key(r.id, c.id))));
        lines.push((r.id === row ? edit : usual)(r.label, cells));
      }
    }
    return lines.join('\n');
  }
  const expectAll = (text: string) => {
    const t = read(format2021, 'requests', text);
    expect(t.status).toBe('ok');
    expect(asValues(t.cells)).toEqual(v);
  };

  it('a placeholder (—, /) in the label’s spare column before the numbers is not the first cell', () => {
    expectAll(rows((l, c) => [l, '—', ...c].join('\t')));
    expectAll(rows((l, c) => [l, '/', ...c].join('\t')));
  });

  it('a placeholder after the numbers is not read either', () => {
    expectAll(rows((l, c) => [l, ...c, '—'].join('\t')));
  });

  it('one row with an empty field more than the others, before or after its numbers, keeps its columns', () => {
    const usual = (l: string, c: string[]) => [l, '', ...c, ''].join('\t');
    expectAll(rows((l, c) => [l, '', '', ...c, ''].join('\t'), 'granted', usual));
    expectAll(rows((l, c) => [l, '', ...c, '', ''].join('\t'), 'granted', usual));
    expectAll(rows((l, c) => [l, '', '', ...c, '', ''].join('\t'), 'granted', usual));
  });

  it('a row whose numbers wrap onto the next line (PDF copy) is read whole', () => {
    expectAll(rows((l, c) => `${[l, ...c.slice(0, 3)].join('\t')}\n${c.slice(3).join('\t')}`));
  });

  it('the last row’s cells stop at the prose after it: a page number under the table is not its cell', () => {
    const last = numberRows(def).at(-1)!.row;
    const text = `${rows((l, c) => [l, ...c.slice(0, 2)].join('\t'), last.id)}\n五、存在的主要问题\n3\n`;
    const t = read(format2021, 'requests', text);
    const cells = t.cells.filter((c) => c.row === last.id);
    expect(cells.slice(0, 2).map((c) => c.value)).toEqual(columns.slice(0, 2).map((c) => v.get(key(last.id, c.id))));
    expect(cells.slice(2).every((c) => c.status === 'missing')).toBe(true);
    expect(t.end).toBe(cells[1]!.end);
  });

  it('a table with its labels and no numbers at all ends at its last label', () => {
    const labels = def.sections[0]!.rows.map((r) => r.label).join('\n');
    const text = `${def.title}\n${labels}\n后面的正文。`;
    const t = read(format2021, 'requests', text);
    expect(t.status).toBe('ok');
    expect(t.cells.every((c) => c.status === 'missing')).toBe(true);
    // it ends where its last row label was found, not at the prose after it
    const lastLabel = def.sections[0]!.rows.at(-1)!.label;
    expect(t.end).toBeGreaterThan(text.indexOf(lastLabel));
    expect(t.end).toBeLessThanOrEqual(text.indexOf(lastLabel) + lastLabel.length);
  });
});

describe('rows written unevenly', () => {
  const def = table(format2021, 'requests');
  const columns = def.sections[0]!.columns;
  const v = values(format2021, 8).get('requests')!;
  /** The requests table as tab rows, each written by `write(row id, label, its numbers)`. */
  function rows(write: (id: string, label: string, cells: string[]) => string) {
    const lines = [def.title, ['', ...columns.map((c) => c.label)].join('\t')];
    for (const r of def.sections[0]!.rows) {
      if (r.group) lines.push(r.label);
      else
        lines.push(
          write(
            r.id,
            r.label,
            columns.map((c) => String(v.get(key(r.id, c.id)))),
          ),
        );
    }
    return lines.join('\n');
  }
  const plain = (label: string, cells: string[]) => [label, ...cells].join('\t');
  const cellsOfRow = (text: string, row: string) =>
    read(format2021, 'requests', text).cells.filter((c) => c.row === row);

  it('a row left empty is all missing: it does not take the next row’s numbers', () => {
    const text = rows((id, l, c) => (id === 'granted' ? l : plain(l, c)));
    const t = read(format2021, 'requests', text);
    expect(t.cells.filter((c) => c.row === 'granted').every((c) => c.status === 'missing')).toBe(true);
    for (const c of t.cells.filter((x) => x.row !== 'granted')) expect(c.value).toBe(v.get(key(c.row, c.column)));
  });

  it('a label whose note sits in a field of its own (a merged cell copied as two) keeps its numbers', () => {
    const text = rows((id, l, c) =>
      id === 'partial'
        ? ['（二）部分公开', '（区分处理的，只计这一情形，不计其他情形）', ...c].join('\t')
        : plain(l, c),
    );
    expect(cellsOfRow(text, 'partial').map((c) => c.value)).toEqual(columns.map((c) => v.get(key('partial', c.id))));
  });

  it('one row with an empty field after its label, where the others have none: its own blank last cell stays last', () => {
    const text = rows((id, l, c) => (id === 'granted' ? [l, '', ...c.slice(0, -1), ''].join('\t') : plain(l, c)));
    const row = cellsOfRow(text, 'granted');
    expect(row.slice(0, -1).map((c) => c.value)).toEqual(columns.slice(0, -1).map((c) => v.get(key('granted', c.id))));
    expect(row.at(-1)!.status).toBe('blank');
  });

  it('the usual empty field after the labels is the table’s even when its last row is written without it', () => {
    const text = rows((id, l, c) => {
      if (id === 'granted') return [l, '', ...c.slice(0, -1), '', ''].join('\t');
      if (id === 'carryover') return [l, ...c, ''].join('\t');
      return [l, '', ...c, ''].join('\t');
    });
    const row = cellsOfRow(text, 'granted');
    expect(row.slice(0, -1).map((c) => c.value)).toEqual(columns.slice(0, -1).map((c) => v.get(key('granted', c.id))));
    expect(row.at(-1)!.status).toBe('blank');
    expect(cellsOfRow(text, 'carryover').map((c) => c.value)).toEqual(
      columns.map((c) => v.get(key('carryover', c.id))),
    );
  });

  it('a row’s own first cell written — is its cell, not the empty field before the numbers', () => {
    const text = rows((id, l, c) =>
      (id === 'granted' ? [l, '—', ...c.slice(1), '', ''] : [l, '', ...c, '']).join('\t'),
    );
    const row = cellsOfRow(text, 'granted');
    expect(row[0]!.raw).toBe('—');
    expect(row.slice(1).map((c) => c.value)).toEqual(columns.slice(1).map((c) => v.get(key('granted', c.id))));
  });

  it('a number padded with a thin space is read, and quoted, without it', () => {
    const text = rows((id, l, c) =>
      id === 'granted' ? plain(l, [`\u2009${c[0]}\u2009`, ...c.slice(1)]) : plain(l, c),
    );
    const [first] = cellsOfRow(text, 'granted');
    const written = v.get(key('granted', columns[0]!.id));
    expect([first!.value, first!.raw]).toEqual([written, String(written)]);
  });

  it('a row label’s note in brackets is not needed to find the row, in a format that gives the row no keys', () => {
    const bare = structuredClone(def);
    const partial = bare.sections[0]!.rows.find((r) => r.id === 'partial')!;
    expect(partial.label).toMatch(/（区分处理的/);
    delete partial.keys;
    const text = rows((id, l, c) => plain(id === 'partial' ? '（二）部分公开' : l, c));
    const t = readTable(docFromText(text), bare, format2021);
    expect(t.found.has('partial')).toBe(true);
    expect(t.cells.filter((c) => c.row === 'partial').map((c) => c.value)).toEqual(
      columns.map((c) => v.get(key('partial', c.id))),
    );
  });
});

describe('limits on where a table is looked for', () => {
  it('the first row label must lie near the table’s start words (700 characters), the rows near each other', () => {
    const def = table(format2021, 'active');
    const v = values(format2021, 5).get('active')!;
    const [title, header, ...body] = asTabs(def, v).split('\n');
    const near = read(format2021, 'active', [title, header, '说明。', ...body].join('\n'));
    expect(near.status).toBe('ok');
    const far = read(
      format2021,
      'active',
      [title, header, '这是与统计表无关的说明文字。'.repeat(60), ...body].join('\n'),
    );
    expect(far.status).toBe('unrecognized');
    expect(far.found.size).toBe(0);
  });

  it('a table reaches at most 12000 characters past its start words', () => {
    const def = table(format2021, 'requests');
    const v = values(format2021, 9).get('requests')!;
    const lines = asTabs(def, v).split('\n');
    // each row 600 characters after the one before: every label within reach of the last, the later ones too far from the start
    const gap = '这是与统计表无关的说明文字。'.repeat(40);
    const labelled = new Set(numberRows(def).map((r) => r.row.label));
    const text = lines.map((l) => (labelled.has(l.split('\t')[0]!) ? `${gap}\n${l}` : l)).join('\n');
    const t = read(format2021, 'requests', text);
    const start = text.indexOf(def.start![0]!);
    const labels = numberRows(def).map((r) => r.row);
    const within = labels.filter((r) => text.indexOf(`${r.label}\t`) < start + 12000);
    expect(within.length).toBeGreaterThan(2);
    expect(within.length).toBeLessThan(labels.length);
    expect([...t.found].sort()).toEqual(within.map((r) => r.id).sort());
  });

  it('table 四’s row must follow its header words within 4000 characters', () => {
    const def = table(format2021, 'review');
    const v = values(format2021, 4).get('review')!;
    const lines = asTabs(def, v).split('\n');
    const header = lines.slice(0, -1).join('\n');
    const row = lines.at(-1)!;
    expect(read(format2021, 'review', `${header}\n${'说明文字。'.repeat(900)}\n${row}`).status).toBe('unrecognized');
    const before = `${header}\n${'说明文字。'.repeat(700)}`.slice(0, 3000);
    const near = read(format2021, 'review', `${before}\n${row}`);
    expect(asValues(near.cells)).toEqual(v);
  });

  it('a table without start words in its format is found by its first row label', () => {
    const def = { ...table(format2021, 'requests'), start: undefined };
    const v = values(format2021, 3).get('requests')!;
    const text = `前面的正文。\n${asTabs(def, v)}`;
    const t = readTable(docFromText(text), def, format2021);
    expect(t.status).toBe('ok');
    expect(t.start).toBe(text.indexOf(rowKeys(numberRows(def)[0]!.row)[0]!));
    expect(asValues(t.cells)).toEqual(v);
  });
});

describe('when the reader gives up', () => {
  const def = table(format2021, 'requests');
  const rows = numberRows(def);
  const v = values(format2021, 9).get('requests')!;
  /** The table with the labels of its last n number rows made unreadable. */
  function withoutLabels(n: number) {
    const gone = new Set(rows.slice(rows.length - n).map((r) => r.row.label));
    return asTabs(def, v)
      .split('\n')
      .map((l, i) => (gone.has(l.split('\t')[0]!) ? `未列明${i}\t${l.split('\t').slice(1).join('\t')}` : l))
      .join('\n');
  }

  it('with at least half its row labels the table is read; with fewer it is unrecognized', () => {
    const half = Math.floor(rows.length / 2);
    const ok = read(format2021, 'requests', withoutLabels(half));
    expect(ok.found.size).toBe(rows.length - half);
    expect(ok.status).toBe('ok');
    const few = read(format2021, 'requests', withoutLabels(half + 1));
    expect(few.found.size).toBe(rows.length - half - 1);
    expect(few.status).toBe('unrecognized');
    expect(few.absent).toEqual(rows.slice(rows.length - half - 1).map((r) => r.row.id));
  });

  it('a label far from the one before it is not taken as the table’s', () => {
    const text = asTabs(def, v);
    const last = rows[rows.length - 1]!.row;
    const at = text.indexOf(`${last.label}\t`);
    const far = `${text.slice(0, at)}${'这是与统计表无关的说明文字。'.repeat(60)}\n${text.slice(at)}`;
    const t = read(format2021, 'requests', far);
    expect(t.found.has(last.id)).toBe(false);
    expect(t.absent).toContain(last.id);
    expect(t.found.has(rows[rows.length - 2]!.row.id)).toBe(true);
    const near = read(format2021, 'requests', `${text.slice(0, at)}说明。\n${text.slice(at)}`);
    expect(near.found.has(last.id)).toBe(true);
  });

  it('no start marker at all: missing; a marker and no row label after it: unrecognized at the marker', () => {
    expect(read(format2021, 'requests', '本年度没有统计表。').status).toBe('missing');
    expect(read(format2021, 'requests', '本年度没有统计表。').cells).toEqual([]);
    expect(read(format2021, 'requests', '本年度没有统计表。').absent).toEqual([]);
    const active = table(format2021, 'active');
    const startKey = active.start?.[0] ?? rowKeys(numberRows(active)[0]!.row)[0]!;
    const text = `正文。${startKey}\n${'无关文字。'.repeat(200)}`;
    const t = read(format2021, 'active', text);
    expect(t.status).toBe('unrecognized');
    expect(t.start).toBe(text.indexOf(startKey));
  });

  it('table 二 of 2021 with exactly half its six row labels is read; with two it is not', () => {
    const active = table(format2021, 'active');
    const v2 = values(format2021, 9).get('active')!;
    const unlabel = (ids: string[]) =>
      asTabs(active, v2)
        .split('\n')
        .map((l) => {
          const r = numberRows(active).find((x) => l.startsWith(`${x.row.label}\t`));
          return r && ids.includes(r.row.id) ? `未列明\t${l.split('\t').slice(1).join('\t')}` : l;
        })
        .join('\n');
    expect(numberRows(active)).toHaveLength(6);
    const half = read(format2021, 'active', unlabel(['penalty', 'enforcement', 'fees']));
    expect([half.found.size, half.status]).toEqual([3, 'ok']);
    const two = read(format2021, 'active', unlabel(['licensing', 'penalty', 'enforcement', 'fees']));
    expect([two.found.size, two.status]).toEqual([2, 'unrecognized']);
  });

  it('on a long page, a start word cut by `to` is not found', () => {
    const text = `${'这是与统计表无关的说明文字。'.repeat(400)}\n${asTabs(def, v)}`;
    const doc = docFromText(text);
    expect(readTable(doc, def, format2021, 0, text.indexOf(def.start![0]!) + 2).status).toBe('missing');
    expect(readTable(doc, def, format2021, 0).status).toBe('ok');
  });

  it('reads only between from and to', () => {
    const text = `${asTabs(def, v)}\n结束。`;
    const doc = docFromText(text);
    expect(readTable(doc, def, format2021, 0, 5).status).toBe('missing');
    expect(readTable(doc, def, format2021, text.indexOf('结束')).status).toBe('missing');
    expect(readTable(doc, def, format2021).status).toBe('ok');
  });
});

describe('table 四 (行政复议、行政诉讼): one row of numbers under its header', () => {
  const def = table(format2021, 'review');
  const n = def.sections[0]!.columns.length;

  it('reads the fifteen numbers after the header words', () => {
    const v = values(format2021, 4).get('review')!;
    const text = `前文。\n${asTabs(def, v)}\n五、存在的主要问题`;
    const t = read(format2021, 'review', text);
    expect(t.status).toBe('ok');
    expect(t.cells).toHaveLength(n);
    expect(asValues(t.cells)).toEqual(v);
    expect(t.start).toBe(text.indexOf('行政复议'));
    expect(text.slice(t.cells[n - 1]!.start, t.end)).toBe(String(t.cells[n - 1]!.value));
    expect(t.score).toBe(n);
  });

  it('an empty template row is read as blanks, unless a row with numbers follows', () => {
    const header = asTabs(def, new Map()).split('\n').slice(0, -1).join('\n');
    const blanks = Array(n).fill('').join('\t');
    const numbers = Array.from({ length: n }, (_, i) => String(i)).join('\t');
    const empty = read(format2021, 'review', `${header}\n\t${blanks}\n结束。`);
    expect(empty.cells.map((c) => c.status)).toEqual(Array(n).fill('blank'));
    const filled = read(format2021, 'review', `${header}\n\t${blanks}\n说明\n${numbers}\n结束。`);
    expect(filled.cells.map((c) => c.value)).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('starts at the 行政复议 above its header words, unless that is far (300 characters) away', () => {
    const v = values(format2021, 4).get('review')!;
    const body = asTabs(def, v).split('\n').slice(1).join('\n');
    expect(read(format2021, 'review', body).start).toBe(body.indexOf('结果维持'));
    const far = `关于行政复议的说明。${'这是与统计表无关的说明文字。'.repeat(30)}\n${body}`;
    const t = read(format2021, 'review', far);
    expect(t.start).toBe(far.indexOf('结果维持'));
    expect(asValues(t.cells)).toEqual(v);
  });

  it('the first full row of numbers is the table’s; a longer row further on (another table’s) is not taken', () => {
    const header = asTabs(def, new Map()).split('\n').slice(0, -1).join('\n');
    const row = Array.from({ length: n }, (_, i) => String(i + 1)).join('\t');
    const next = Array.from({ length: n + 1 }, () => '9').join('\t');
    const t = read(format2021, 'review', `${header}\n${row}\n说明\n${next}\n结束。`);
    expect(t.cells.map((c) => c.value)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  });

  it('short rows only: the longest is read (unrecognized, scored by its length); no number at all: unrecognized', () => {
    const header = asTabs(def, new Map()).split('\n').slice(0, -1).join('\n');
    const t = read(format2021, 'review', `${header}\n1\t2\n说明\n3\t4\t5\n说明\n6\n结束。`);
    expect(t.status).toBe('unrecognized');
    expect(t.score).toBe(3);
    expect(t.cells.slice(0, 3).map((c) => c.value)).toEqual([3, 4, 5]);
    const none = read(format2021, 'review', `${header}\n说明文字，没有数字。`);
    expect([none.status, none.cells]).toEqual(['unrecognized', []]);
    expect(none.start).toBe(header.indexOf('行政复议'));
  });

  it('too few numbers: unrecognized; no header words: missing', () => {
    const header = asTabs(def, new Map()).split('\n').slice(0, -1).join('\n');
    expect(read(format2021, 'review', `${header}\n1\t2\t3\n结束。`).status).toBe('unrecognized');
    expect(read(format2021, 'review', '没有行政复议。').status).toBe('missing');
  });
});

describe('table 四 as it is written', () => {
  const def = table(format2021, 'review');
  const n = def.sections[0]!.columns.length;
  const v = values(format2021, 4).get('review')!;
  const lines = asTabs(def, v).split('\n');
  const header = lines.slice(0, -1).join('\n');
  const numbers = lines.at(-1)!.split('\t');

  it('its one row: found as itself, nothing absent, scored by its columns even with empty fields at both ends', () => {
    const t = read(format2021, 'review', `${header}\n\t${numbers.join('\t')}\t\n结束。`);
    expect(asValues(t.cells)).toEqual(v);
    expect([...t.found]).toEqual([def.sections[0]!.rows[0]!.id]);
    expect(t.absent).toEqual([]);
    expect(t.score).toBe(n);
  });

  it('a cell written as text (十三, 约5) keeps its column, and the numbers after it theirs', () => {
    const row = [...numbers];
    row[3] = '约5';
    const t = read(format2021, 'review', `${header}\n${row.join('\t')}\n结束。`);
    expect(t.status).toBe('ok');
    expect(t.cells[3]!.raw).toBe('约5');
    expect(t.cells.filter((_, i) => i !== 3).map((c) => c.value)).toEqual(
      numbers.filter((_, i) => i !== 3).map(Number),
    );
  });

  it('a row with some cells left blank is the table’s, not a full row of numbers further on', () => {
    const row = numbers.map((x, i) => (i % 5 === 2 ? '' : x));
    const other = Array.from({ length: n }, () => '9').join('\t');
    const t = read(format2021, 'review', `${header}\n${row.join('\t')}\n说明\n${other}\n结束。`);
    expect(t.cells.map((c) => (c.status === 'blank' ? '' : String(c.value)))).toEqual(row);
  });

  it('a template row of dashes is read as not-applicable cells', () => {
    const t = read(format2021, 'review', `${header}\n${Array(n).fill('—').join('\t')}\n结束。`);
    expect(t.status).toBe('ok');
    expect(t.cells.map((c) => c.raw)).toEqual(Array(n).fill('—'));
  });

  it('of two short rows equally long, the first (under the header) is read', () => {
    const t = read(format2021, 'review', `${header}\n1\t2\n说明\n3\t4\n结束。`);
    expect(t.cells.slice(0, 2).map((c) => c.value)).toEqual([1, 2]);
  });

  it('starts at the 行政复议 of its title, however far down the page the table is', () => {
    const text = `${'这是与统计表无关的说明文字。'.repeat(30)}\n${asTabs(def, v)}`;
    expect(read(format2021, 'review', text).start).toBe(text.indexOf('行政复议'));
    const top = `行政复议${header.slice(header.indexOf('\n'))}\n${numbers.join('\t')}`;
    expect(read(format2021, 'review', top).start).toBe(0);
  });

  it('the 行政复议 above the header words counts within 300 characters', () => {
    const body = lines.slice(1).join('\n');
    const at = (gap: number) => {
      const text = `行政复议${'说'.repeat(gap)}${body}`;
      return read(format2021, 'review', text).start === 0;
    };
    const marker = docFromText(`行政复议${body}`).compact.text.indexOf('结果维持');
    // the distance is measured from the 行政复议 to the first header word, in compact characters
    expect(at(300 - marker - 1)).toBe(true);
    expect(at(300 - marker)).toBe(false);
  });
});

describe('choosing the format of each table', () => {
  const both = [format2019, format2021];

  it('each table is named by the layout that fits it best, whichever format is expected', () => {
    const t19 = values(format2019, 2);
    const t21 = values(format2021, 2);
    const text = [
      asTabs(table(format2019, 'active'), t19.get('active')!),
      asTabs(table(format2021, 'requests'), t21.get('requests')!),
      asTabs(table(format2021, 'review'), t21.get('review')!),
    ].join('\n说明。\n');
    for (const expected of [format2019, format2021, null]) {
      const read = readTables(docFromText(text), both, expected);
      expect(read.get('active')!.format.id).toBe('2019');
      expect(read.get('requests')!.format.id).toBe('2021');
      expect(read.get('requests')!.status).toBe('ok');
    }
  });

  it('a tie goes to the expected format, else to the first candidate', () => {
    const doc = docFromText('这份文件没有统计表。');
    for (const id of ['active', 'requests', 'review'] as const) {
      expect(readTables(doc, both, format2021).get(id)!.format.id).toBe('2021');
      expect(readTables(doc, both, format2019).get(id)!.format.id).toBe('2019');
      expect(readTables(doc, [format2019, format2021], null).get(id)!.format.id).toBe('2019');
      expect(readTables(doc, [format2021, format2019], null).get(id)!.format.id).toBe('2021');
    }
  });

  it('a format that does not define a table is passed over for it; with none that does, the table is not in the result', () => {
    const t21 = values(format2021, 6);
    const text = asTabs(table(format2021, 'review'), t21.get('review')!);
    const noReview = { ...format2021, tables: format2021.tables.filter((t) => t.id !== 'review') };
    const read = readTables(docFromText(text), [noReview, format2019], null);
    expect(read.get('review')!.format.id).toBe('2019');
    expect(read.get('review')!.status).toBe('ok');
    expect(readTables(docFromText(text), [noReview], null).has('review')).toBe(false);
  });

  it('table 四 is read when table 三 has its start words but none of its rows', () => {
    const t21 = values(format2021, 6);
    const review = asTabs(table(format2021, 'review'), t21.get('review')!);
    const text = `本年新收申请的情况见附件图片。\n${review}`;
    const read = readTables(docFromText(text), [format2021], format2021);
    expect(read.get('requests')!.status).toBe('unrecognized');
    expect(asValues(read.get('review')!.cells)).toEqual(t21.get('review')!);
  });

  it('table 四 is read when table 三 is missing', () => {
    const t21 = values(format2021, 6);
    const review = asTabs(table(format2021, 'review'), t21.get('review')!);
    const read = readTables(docFromText(`统计表三见附件。\n${review}`), [format2021], format2021);
    expect(read.get('requests')!.status).toBe('missing');
    expect(read.get('review')!.status).toBe('ok');
    expect(asValues(read.get('review')!.cells)).toEqual(t21.get('review')!);
  });

  it('table 四 is looked for after table 三, not in a sentence before it', () => {
    const t21 = values(format2021, 6);
    const requests = asTabs(table(format2021, 'requests'), t21.get('requests')!);
    const review = asTabs(table(format2021, 'review'), t21.get('review')!);
    const text = `行政复议结果维持的情况见下表。\n${requests}\n${review}`;
    const r = readTables(docFromText(text), [format2021], format2021).get('review')!;
    expect(r.status).toBe('ok');
    expect(r.start).toBeGreaterThan(text.indexOf(requests) + requests.length - 20);
    expect(asValues(r.cells)).toEqual(t21.get('review')!);
  });
});
