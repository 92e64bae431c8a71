import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { root } from '../paths';

/**
 * The architecture as a test: imports go entrypoints -> components -> lib, lib never reaches the
 * extension's runtime (`browser`), and inside lib each layer only looks down:
 * format <- read <- check <- write / review / extension. No module imports itself round a cycle.
 */

const SOURCES = ['lib', 'components', 'entrypoints', 'scripts'];
const LAYERS: Record<string, number> = { format: 0, read: 1, check: 2, write: 3, review: 3, extension: 3 };
/** Modules that are the extension runtime: only entrypoints and components may use them. */
const RUNTIME = /^(?:wxt\/browser|webextension-polyfill|@wxt-dev\/webextension-polyfill|#imports|wxt\/utils\/.*)$/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.(?:ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = SOURCES.flatMap((d) => walk(resolve(root, d)));
const known = new Set(files);
const rel = (path: string) => relative(root, path).split('\\').join('/');

function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (known.has(candidate)) return candidate;
  // A stylesheet or JSON file: a leaf of the graph.
  return existsSync(base) && statSync(base).isFile() ? base : null;
}

interface Edge {
  from: string;
  spec: string;
  to: string | null;
}

/** Every static, re-exporting, side-effect and dynamic import of a file, type-only ones included. */
function importsOf(file: string): Edge[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map(({ fileName: spec }) => ({
    from: file,
    spec,
    to: spec.startsWith('.') ? resolveLocal(file, spec) : null,
  }));
}

const graph = new Map(files.map((f) => [f, importsOf(f)]));
const area = (file: string) => rel(file).split('/')[0]!;
const layer = (file: string) => LAYERS[rel(file).split('/')[1]!];

/** Imports inside lib that reach a folder of the same or a higher layer (write -> review, read -> check). */
function upward(edges: readonly Edge[]): string[] {
  return edges
    .filter((e) => e.to && area(e.from) === 'lib' && area(e.to) === 'lib')
    .filter((e) => rel(e.from).split('/')[1] !== rel(e.to!).split('/')[1] && layer(e.to!)! >= layer(e.from)!)
    .map((e) => `${rel(e.from)} -> ${e.spec}`);
}

/** Strongly connected components of more than one file (or a file importing itself): Tarjan's algorithm. */
function cycles(graph: ReadonlyMap<string, Edge[]>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const { to: w } of graph.get(v)!) {
      if (!w || !graph.has(w)) continue;
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)!.some((e) => e.to === v)) out.push(scc.map(rel).sort());
    }
  };
  for (const f of graph.keys()) if (!order.has(f)) visit(f);
  return out;
}

/** `browser.` / `chrome.` used as a value (WXT can auto-import `browser` with no import line). */
function runtimeUses(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      (node.expression.text === 'browser' || node.expression.text === 'chrome')
    )
      found.push(`${rel(file)}: ${node.getText(source)}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the import graph', () => {
  it('reads every source file and resolves every relative import', () => {
    expect(files.length).toBeGreaterThan(50);
    const unresolved = [...graph.values()].flat().filter((e) => e.spec.startsWith('.') && !e.to);
    expect(unresolved.map((e) => `${rel(e.from)} -> ${e.spec}`)).toEqual([]);
  });

  it('has no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('keeps lib free of entrypoints, components, scripts and the extension runtime', () => {
    const bad = [...graph.values()]
      .flat()
      .filter((e) => area(e.from) === 'lib')
      .filter((e) => (e.to ? area(e.to) !== 'lib' : RUNTIME.test(e.spec)))
      .map((e) => `${rel(e.from)} -> ${e.spec}`);
    expect(bad).toEqual([]);
    expect(files.filter((f) => area(f) === 'lib').flatMap((f) => runtimeUses(f))).toEqual([]);
  });

  it('keeps components free of entrypoints', () => {
    const bad = [...graph.values()]
      .flat()
      .filter((e) => area(e.from) === 'components' && e.to && area(e.to) === 'entrypoints')
      .map((e) => `${rel(e.from)} -> ${e.spec}`);
    expect(bad).toEqual([]);
  });

  it('looks only down inside lib: format <- read <- check <- write / review / extension', () => {
    const libFiles = files.filter((f) => area(f) === 'lib');
    expect(libFiles.filter((f) => layer(f) === undefined).map(rel)).toEqual([]);
    expect(upward(libFiles.flatMap((f) => graph.get(f)!))).toEqual([]);
  });
});

describe('the gate itself', () => {
  const lib = (p: string) => resolve(root, 'lib', p);
  const edge = (from: string, to: string): Edge => ({ from: lib(from), spec: to, to: lib(to) });

  it('finds a cycle of two files and a file importing itself, and not a chain', () => {
    const two = new Map([
      [lib('a.ts'), [edge('a.ts', 'b.ts')]],
      [lib('b.ts'), [edge('b.ts', 'a.ts')]],
      [lib('c.ts'), [edge('c.ts', 'c.ts')]],
    ]);
    expect(cycles(two)).toEqual([['lib/a.ts', 'lib/b.ts'], ['lib/c.ts']]);
    const chain = new Map([
      [lib('a.ts'), [edge('a.ts', 'b.ts')]],
      [lib('b.ts'), [edge('b.ts', 'c.ts')]],
      [lib('c.ts'), []],
    ]);
    expect(cycles(chain)).toEqual([]);
  });

  it('lets a layer import a lower one and its own folder, never a higher one or a sibling', () => {
    expect(upward([edge('check/engine.ts', 'read/doc.ts'), edge('check/rules.ts', 'check/engine.ts')])).toEqual([]);
    expect(upward([edge('write/filler.ts', 'format/index.ts')])).toEqual([]);
    expect(upward([edge('read/doc.ts', 'check/rules.ts')])).toEqual(['lib/read/doc.ts -> check/rules.ts']);
    expect(upward([edge('write/filler.ts', 'review/html.ts')])).toHaveLength(1);
    expect(upward([edge('format/index.ts', 'extension/settings.ts')])).toHaveLength(1);
  });

  it('names the extension runtime, imported or used', () => {
    for (const spec of ['wxt/browser', 'webextension-polyfill', '@wxt-dev/webextension-polyfill', '#imports'])
      expect(RUNTIME.test(spec)).toBe(true);
    expect(RUNTIME.test('zod/mini')).toBe(false);
    expect(runtimeUses(lib('x.ts'), 'await browser.runtime.sendMessage({});')).toHaveLength(1);
    expect(runtimeUses(lib('x.ts'), "chrome.storage.local.get('a');")).toHaveLength(1);
    expect(runtimeUses(lib('x.ts'), "// the browser's undo\nconst browser = 1;")).toEqual([]);
  });
});
