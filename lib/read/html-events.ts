import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/**
 * htmlparser2's Parser, reduced to what the light DOM listens to: the same tokenizer, the same rules
 * for the tags an HTML page leaves open or closes by implication (a <p> closed by a <div>, a <td> by
 * the next, void elements, <svg> and <math> content), and the same start and end indexes with each
 * event — without the Parser's optional callbacks, its buffer list and a lower-cased copy of every
 * name on every event, which cost the command more than the tokenizer itself. Held to the Parser
 * event by event in tests/unit/audit-html.test.ts.
 */
export interface HtmlHandler {
  /** A start tag (or one HTML implies, e.g. for a stray </p>): `start` and `end` as the Parser's startIndex and endIndex. */
  open(name: string, attributes: Record<string, string>, start: number, end: number): void;
  /** A run of text, or one decoded entity. */
  text(data: string, start: number, end: number): void;
  /** An element's end; `implied` when no end tag of its own closed it. */
  close(name: string, implied: boolean, start: number, end: number): void;
}

const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const P = new Set(['p']);
const SECTIONS = new Set(['thead', 'tbody']);
const DDT = new Set(['dd', 'dt']);
const RTP = new Set(['rt', 'rp']);
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((t) => [t, P] as [string, Set<string>]),
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, FORM] as [string, Set<string>]),
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DDT],
  ['dt', DDT],
  ...[
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((t) => [t, P] as [string, Set<string>]),
  ['rt', RTP],
  ['rp', RTP],
  ['tbody', SECTIONS],
  ['tfoot', SECTIONS],
]);
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const FOREIGN = new Set(['math', 'svg']);
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

/** A string function's results remembered, up to a bound: a page repeats a few dozen tag and attribute names thousands of times. */
export function remembered<T>(change: (s: string) => T, bound = 1024): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    let r = seen.get(s);
    if (r === undefined) {
      r = change(s);
      if (seen.size < bound) seen.set(s, r);
    }
    return r;
  };
}

const lower = remembered((s) => s.toLowerCase());

/** What reading a tag needs of its name: the sets above, asked once per name a page spells rather than at every tag. */
interface Tag {
  /** Lower-cased. */
  name: string;
  closes: Set<string> | undefined;
  isVoid: boolean;
  /** What entering it makes the content: foreign (<svg>, <math>), HTML again (an integration point), or neither. */
  foreign: boolean | null;
}
const tagOf = (name: string): Tag => ({
  name,
  closes: IMPLIES_CLOSE.get(name),
  isVoid: VOID.has(name),
  foreign: FOREIGN.has(name) ? true : INTEGRATION.has(name) ? false : null,
});
const tagSpelled = remembered((s) => tagOf(s.toLowerCase()));
const P_TAG = tagOf('p');

/** The members of htmlparser2 10's Tokenizer that ScanningTokenizer replaces or reads (private in its types). */
interface TokenizerInternals {
  buffer: string;
  index: number;
  offset: number;
  isSpecial: boolean;
  stateText(c: number): void;
  handleInAttributeValue(c: number, quote: number): void;
  fastForwardTo(c: number): boolean;
  write(chunk: string): void;
  end(): void;
}
const Base = Tokenizer as unknown as new (
  options: { decodeEntities: boolean },
  callbacks: TokenizerCallbacks,
) => TokenizerInternals;
const LT = 0x3c;
const AMP = 0x26;
const DOUBLE_QUOTE = 0x22;

/**
 * htmlparser2's Tokenizer, which looks at text and attribute values one character at a time (to
 * find the < or quote that ends them and the & of an entity), made to jump to the next such
 * character with indexOf instead: the characters between change no state, so the events are the
 * same, and reading a page costs a third less. fastForwardTo (script and style bodies, comments,
 * the rest of an end tag) searches the same way.
 */
class ScanningTokenizer extends Base {
  /** The next & in the buffer at or after where the last search started (the buffer's length when there is none). */
  private amp = -1;

  /** The index of the first `stop` or & from `from` on, in the buffer; the buffer's length if neither comes. */
  private nextStop(stop: string, from: number): number {
    if (this.amp < from) {
      const a = this.buffer.indexOf('&', from);
      this.amp = a < 0 ? this.buffer.length : a;
    }
    const s = this.buffer.indexOf(stop, from);
    return s < 0 || s > this.amp ? this.amp : s;
  }

  /** A new piece of the page: the & found in the last one says nothing about this one. */
  override write(chunk: string): void {
    this.amp = -1;
    super.write(chunk);
  }

  override stateText(c: number): void {
    // The parse loop steps past the character before the stop.
    if (c === LT || c === AMP) super.stateText(c);
    else this.index = this.nextStop('<', this.index + 1 - this.offset) + this.offset - 1;
  }

  override handleInAttributeValue(c: number, quote: number): void {
    if (c === quote || c === AMP) super.handleInAttributeValue(c, quote);
    else this.index = this.nextStop(quote === DOUBLE_QUOTE ? '"' : "'", this.index + 1 - this.offset) + this.offset - 1;
  }

  /** As the Tokenizer's own: true with `index` on the next `c`, else false with `index` on the last character. */
  override fastForwardTo(c: number): boolean {
    const at = this.buffer.indexOf(String.fromCharCode(c), this.index + 1 - this.offset);
    this.index = (at < 0 ? this.buffer.length - 1 : at) + this.offset;
    return at >= 0;
  }
}

/**
 * `slice(start, end)` of the pieces as one text. The tokenizer names its sections in the order
 * they come, so the piece a slice starts in is found by moving on from the last one.
 */
function slicer(pieces: readonly string[]): (start: number, end: number) => string {
  let at = 0;
  let base = 0;
  return (start, end) => {
    if (start < base) [at, base] = [0, 0];
    while (at < pieces.length - 1 && start >= base + pieces[at]!.length) base += pieces[at++]!.length;
    const piece = pieces[at] ?? '';
    if (end <= base + piece.length) return piece.slice(start - base, end - base);
    // A name or a run of text that goes on into the next pieces.
    let s = piece.slice(start - base);
    for (let i = at + 1, b = base + piece.length; i < pieces.length && b < end; b += pieces[i++]!.length)
      s += pieces[i]!.slice(0, end - b);
    return s;
  };
}

/**
 * Reads `html` and tells `handler` its elements and text, as htmlparser2's Parser (HTML mode,
 * entities decoded) would. The page may come in pieces (lib/review/html.ts decodes a saved page in
 * pieces: V8 keeps each string over 128 KB in a memory mapping of its own, which costs more than
 * reading the page); the events are the same however it is cut.
 */
export function htmlEvents(html: string | readonly string[], handler: HtmlHandler): void {
  const pieces = typeof html === 'string' ? [html] : html.filter((p) => p.length > 0);
  const slice = slicer(pieces);
  let startIndex = 0;
  let endIndex = 0;
  let openTagStart = 0;
  let tag: Tag | null = null;
  let attribname = '';
  let attribvalue = '';
  let attribs: Record<string, string> | null = null;
  // The open elements and the foreign-content flags, innermost last.
  const stack: string[] = [];
  const foreign: boolean[] = [false];

  // When a piece ends the tokenizer hands over the text it holds so far: held back until the next
  // event shows whether the run goes on. It does when the next run starts where it stopped, in a
  // script or style, or in text at anything but a < (where the whole page would have ended it too).
  let held: string | null = null;
  let heldStart = 0;
  let heldInSpecial = false;
  const flush = () => {
    if (held !== null) handler.text(held, heldStart, endIndex);
    held = null;
  };

  const emitOpenTag = (opened: Tag) => {
    openTagStart = startIndex;
    tag = opened;
    const { closes } = opened;
    if (closes)
      while (stack.length > 0 && closes.has(stack[stack.length - 1]!))
        handler.close(stack.pop()!, true, startIndex, endIndex);
    if (!opened.isVoid) {
      stack.push(opened.name);
      if (opened.foreign !== null) foreign.push(opened.foreign);
    }
    attribs = {};
  };
  const endOpenTag = () => {
    startIndex = openTagStart;
    if (attribs) {
      handler.open(tag!.name, attribs, startIndex, endIndex);
      attribs = null;
    }
    if (tag?.isVoid) handler.close(tag.name, true, startIndex, endIndex);
    tag = null;
  };
  const closeCurrentTag = (openImplied: boolean) => {
    const name = tag?.name ?? '';
    endOpenTag();
    if (stack[stack.length - 1] === name) {
      handler.close(name, !openImplied, startIndex, endIndex);
      stack.pop();
    }
  };
  const onopentagend = (end: number) => {
    endIndex = end;
    endOpenTag();
    startIndex = end + 1;
  };
  const skipped = (_start: number, end: number) => {
    flush();
    endIndex = end;
    startIndex = end + 1;
  };

  const callbacks: TokenizerCallbacks = {
    ontext(start, end) {
      let data = slice(start, end);
      let from = startIndex;
      if (held !== null && start === endIndex + 1 && (heldInSpecial || data.charCodeAt(0) !== LT)) {
        data = held + data;
        from = heldStart;
        held = null;
      }
      flush();
      endIndex = end - 1;
      startIndex = end;
      if (end === tokenizer.offset + tokenizer.buffer.length) {
        held = data;
        heldStart = from;
        heldInSpecial = tokenizer.isSpecial;
      } else handler.text(data, from, endIndex);
    },
    ontextentity(cp, end) {
      flush();
      endIndex = end - 1;
      handler.text(String.fromCodePoint(cp), startIndex, endIndex);
      startIndex = end;
    },
    onopentagname(start, end) {
      flush();
      endIndex = end;
      emitOpenTag(tagSpelled(slice(start, end)));
    },
    onopentagend,
    onclosetag(start, end) {
      flush();
      endIndex = end;
      const closed = tagSpelled(slice(start, end));
      const { name } = closed;
      if (closed.foreign !== null) foreign.pop();
      if (!closed.isVoid) {
        const pos = stack.lastIndexOf(name);
        if (pos !== -1) {
          while (stack.length > pos + 1) handler.close(stack.pop()!, true, startIndex, endIndex);
          handler.close(stack.pop()!, false, startIndex, endIndex);
        } else if (name === 'p') {
          // A stray </p> is an empty paragraph.
          emitOpenTag(P_TAG);
          closeCurrentTag(true);
        }
      } else if (name === 'br') {
        // A stray </br> is a <br>, opened and closed here (not through emitOpenTag: nothing is implied).
        handler.open('br', {}, startIndex, endIndex);
        handler.close('br', false, startIndex, endIndex);
      }
      startIndex = end + 1;
    },
    onselfclosingtag(end) {
      endIndex = end;
      // A self-closing tag counts only in foreign content (<svg>, <math>); elsewhere HTML ignores the slash.
      if (foreign[foreign.length - 1]) {
        closeCurrentTag(false);
        startIndex = end + 1;
      } else onopentagend(end);
    },
    onattribname(start, end) {
      startIndex = start;
      attribname = lower(slice(start, end));
    },
    onattribdata(start, end) {
      attribvalue += slice(start, end);
    },
    onattribentity(cp) {
      attribvalue += String.fromCodePoint(cp);
    },
    onattribend(_quote, end) {
      endIndex = end;
      // The first of a repeated attribute wins, as in a browser.
      if (attribs && !Object.hasOwn(attribs, attribname)) attribs[attribname] = attribvalue;
      attribvalue = '';
    },
    // Comments, CDATA (a comment in HTML), doctypes and processing instructions make no node.
    oncomment: skipped,
    oncdata: skipped,
    ondeclaration: skipped,
    onprocessinginstruction: skipped,
    onend() {
      flush();
      endIndex = startIndex;
      for (let i = stack.length - 1; i >= 0; i--) handler.close(stack[i]!, true, startIndex, endIndex);
    },
  };
  const tokenizer = new ScanningTokenizer({ decodeEntities: true }, callbacks);
  for (const piece of pieces) tokenizer.write(piece);
  tokenizer.end();
}
