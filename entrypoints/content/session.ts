import { browser } from 'wxt/browser';
import { checkDom, checkSource, withPageFacts, type Checked } from '../../lib/check/engine';
import type { FixResult, PageStatus, PreviousReport } from '../../lib/extension/messages';
import { fixesFor } from '../../lib/write/fixes';
import { fixSource } from '../../lib/write/fixes/apply';
import { editorOp } from './bridge';
import { previousReport } from '../../components/review/previous';
import type { TableId } from '../../lib/check/report';
import type { Settings } from '../../lib/extension/settings';
import { RETRIES_MS } from '../../lib/extension/look';
import { cmsTitle, detect, fullText, type Target } from './detect';
import { isTitleField, titleField } from '../../lib/extension/title-field';
import { mark, scrollTo } from './mark';

const DEBOUNCE_MS = 300;

type Located = Checked & { locate?(start: number, end: number): Range | null };

/**
 * One page's draft: finds it, checks it when its text changes, and tells the background (badge)
 * and the side panel. A page that is no report is never parsed.
 */
export class Session {
  private target: Target | null = null;
  private checked: Located | null = null;
  private lastText: string | null = null;
  private parsed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopWatching: (() => void) | null = null;
  /** Last year's report the reviewer gave in the panel, for carryover-mismatch and copied-text. */
  private previous: PreviousReport | null = null;
  /** The report year the clerk gave in the panel for this page (the draft does not say it). */
  private pageYear: number | null = null;

  constructor(
    private readonly doc: Document,
    private settings: Settings,
  ) {}

  start(): void {
    this.find();
    const refresh = () => this.refresh();
    for (const ms of RETRIES_MS) setTimeout(refresh, ms);
    this.doc.addEventListener('focusin', refresh, true);
    // A new article: the clerk names it in the CMS's title field before writing a word of it.
    this.doc.addEventListener('change', (e) => isTitleField(e.target) && refresh(), true);
  }

  /** Looks again: for a draft if none was found, or for the editor that replaced the one found (a textarea an editor hid). */
  private refresh(): void {
    if (!this.target) this.find();
    else if (!this.stillThere()) this.run(false);
  }

  setSettings(settings: Settings): void {
    this.settings = settings;
    if (this.target) this.run(true);
  }

  setPageYear(year: number | null): void {
    if (year === this.pageYear) return;
    this.pageYear = year;
    if (this.target) this.run(true);
  }

  /** Looks for the draft; when one appears (or the editor rebuilt its frame), watches and checks it. */
  private find(): void {
    const target = detect(this.doc);
    if (!target) return;
    if (this.target?.el === target.el) return;
    this.target = target;
    this.watch(target);
    this.run(true);
  }

  private stillThere(): boolean {
    const t = this.target;
    if (!t?.el.isConnected) return false;
    // An editor starting up hides the textarea it replaces.
    if (t.editor === 'textarea' && !t.el.getClientRects().length) return false;
    return !t.frame || t.frame.contentDocument?.body === t.el;
  }

  private watch(target: Target): void {
    this.stopWatching?.();
    const schedule = () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.run(false), DEBOUNCE_MS);
    };
    const observer = new MutationObserver(schedule);
    observer.observe(target.el, { subtree: true, childList: true, characterData: true });
    const doc = target.el.ownerDocument;
    doc.addEventListener('input', schedule, true);
    // An editor that rewrites its frame (setContent in some editors, a mode switch) replaces the body.
    target.frame?.addEventListener('load', schedule);
    // The title field counts as the draft's title: check again when it changes.
    const title = titleField(target.frame ?? target.el);
    title?.addEventListener('input', schedule);
    this.stopWatching = () => {
      observer.disconnect();
      doc.removeEventListener('input', schedule, true);
      target.frame?.removeEventListener('load', schedule);
      title?.removeEventListener('input', schedule);
    };
  }

  /** Checks the draft if its text changed (or always, when forced) and reports the result. */
  run(force: boolean): PageStatus {
    if (!this.stillThere()) {
      this.stopWatching?.();
      this.target = null;
      this.checked = null;
      this.lastText = null;
      this.find();
      return this.status();
    }
    const target = this.target!;
    const text = fullText(target);
    const title = cmsTitle(target);
    const seen = `${title ?? ''}\n${text}`;
    if (!force && seen === this.lastText) return this.status();
    this.lastText = seen;
    const check = (year?: number): Located => {
      const options = this.options(year, title);
      // A CMS textarea holds the draft as HTML source: read it as markup, not as text with tags.
      return target.editor === 'textarea'
        ? checkSource(text, (html) => new DOMParser().parseFromString(html, 'text/html'), options)
        : target.kind === 'published'
          ? checkDom(target.el, withPageFacts(this.doc, options))
          : checkDom(target.el, options);
    };
    this.checked = check();
    // The year given for this page, else the settings' default, is for drafts that do not say theirs.
    const assumed = this.pageYear ?? this.settings.year;
    if (this.checked.year === null && assumed) this.checked = check(assumed);
    this.parsed = true;
    const status = this.status();
    browser.runtime.sendMessage({ type: 'page-report', status }).catch(() => {
      // No listener yet (background restarting): the panel asks again when it opens.
    });
    return status;
  }

  /** The options of this page's check; the year when the draft does not state its own (the settings' default). */
  private options(year?: number, title?: string | null) {
    return {
      source: location.href,
      ...(title ? { title } : {}),
      disabled: this.settings.disabled,
      ...(year ? { year } : {}),
      ...(this.previous ? { previous: this.previous } : {}),
    };
  }

  status(): PageStatus {
    const base = { parsed: this.parsed, url: location.href };
    if (!this.target || !this.checked) return { ...base, kind: 'none', errors: 0 };
    const { text: _text, locate: _locate, period, ...report } = this.checked;
    return {
      ...base,
      kind: this.target.kind,
      editor: this.target.editor,
      report,
      errors: report.findings.filter((f) => f.severity === 'error').length,
      period,
      // Reviewers do not edit published pages: fixes only for a draft in an editor.
      ...(this.target.kind === 'editor'
        ? {
            fixes: fixesFor(this.checked).map((f) => ({ key: f.key, finding: f.finding, preview: f.preview })),
          }
        : {}),
      ...(this.previous
        ? { previous: { source: this.previous.source, title: this.previous.title, year: this.previous.year } }
        : {}),
    };
  }

  /** Compares the page with last year's report from now on (null: no more), checking it again at once. */
  setPrevious(previous: PreviousReport | null): PageStatus {
    this.previous = previous;
    return this.target ? this.run(true) : this.current();
  }

  /** This page's report as last year's, for the panel of another tab. */
  previousData(): PreviousReport | null {
    this.current();
    return this.target && this.checked ? previousReport(this.checked) : null;
  }

  /** A fresh status for the side panel: looks for the draft again if none was found yet. */
  current(): PageStatus {
    if (!this.target) this.find();
    return this.target ? this.run(false) : this.status();
  }

  /** The element holding the draft, if one was found. */
  draft(): HTMLElement | null {
    return this.target?.el ?? null;
  }

  /**
   * A place in the draft as a Range. An editor may rebuild its DOM without changing the text (an
   * undo that restores the same words): the check kept no nodes of it, so read it again.
   */
  private locate(start: number, end: number): Range | null {
    let range = this.checked?.locate?.(start, end) ?? null;
    if (range && !range.startContainer.isConnected) {
      this.run(true);
      range = this.checked?.locate?.(start, end) ?? null;
    }
    return range;
  }

  /** Which <table> of the editing body (document order, as the bridge counts) holds the table the engine read. */
  tableIndex(table: TableId): number | null {
    const read = this.checked?.tables.find((t) => t.table === table);
    const at = read?.cells?.find((c) => c.start !== undefined)?.start;
    if (!this.target || at === undefined) return null;
    const node = this.locate(at, at + 1)?.startContainer;
    const el = node?.nodeType === Node.ELEMENT_NODE ? (node as Element) : node?.parentElement;
    const found = el?.closest('table');
    if (!found) return null;
    const index = Array.from(this.target.el.querySelectorAll('table')).indexOf(found);
    return index >= 0 ? index : null;
  }

  /**
   * Makes the chosen fixes in the editor: reads the editor's own HTML, fixes that (checked again
   * there, so the offsets are its own), and writes it back through the editor's API as one undo
   * step, provided the draft did not change in between.
   */
  async fix(keys: readonly string[]): Promise<FixResult> {
    this.current();
    const draft = this.draft();
    if (this.target?.kind !== 'editor' || !this.checked) return { ok: false, applied: 0, error: 'no-editor' };
    const read = await editorOp({ op: 'getContent' }, draft);
    if (!read.ok || read.op !== 'getContent') return { ok: false, applied: 0, error: read.ok ? 'failed' : read.error };
    const year = this.checked.year ?? undefined;
    const { source, fixes } = fixSource(read.html, keys, this.options(year, cmsTitle(this.target)));
    if (!fixes.length || source === read.html) return { ok: false, applied: 0, error: 'none' };
    const written = await editorOp({ op: 'setContent', html: source, base: read.html }, draft);
    this.run(true);
    return written.ok ? { ok: true, applied: fixes.length } : { ok: false, applied: 0, error: written.error };
  }

  /** The recheck button: checks again even when the text did not change. */
  recheck(): PageStatus {
    if (!this.target) {
      this.find();
      return this.status();
    }
    return this.run(true);
  }

  reveal(start: number, end: number): boolean {
    const target = this.target;
    if (!target || !this.checked) return false;
    if (target.editor === 'textarea') {
      const area = target.el as HTMLTextAreaElement;
      area.focus();
      area.setSelectionRange(start, end);
      area.scrollTop = (start / Math.max(1, area.value.length)) * area.scrollHeight - area.clientHeight / 2;
      area.scrollIntoView({ block: 'center' });
      return true;
    }
    const range = this.locate(start, end);
    if (!range) return false;
    scrollTo(range);
    mark(range);
    return true;
  }
}
