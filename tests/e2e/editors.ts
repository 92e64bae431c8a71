import type { Locator, Page } from 'playwright-core';

/**
 * The editor fixtures (tests/e2e/fixtures/editors/<name>.html) and where each one's editing area
 * is: an iframe's body, or an editable element of the page. One table for every e2e file.
 */
export interface EditorFixture {
  name: string;
  frame?: string;
  editable?: string;
}

/** The real editors (UEditor: a rebuild of its DOM and API, as it is not on npm). */
export const EDITORS: readonly EditorFixture[] = [
  { name: 'kindeditor', frame: 'iframe.ke-edit-iframe' },
  { name: 'ckeditor4', frame: 'iframe.cke_wysiwyg_frame' },
  // The main editable, not the balloon toolbars' editables CKEditor 5 may add.
  { name: 'ckeditor5', editable: '.ck-editor__main > .ck-editor__editable' },
  { name: 'tinymce', frame: '#content_ifr' },
  { name: 'wangeditor4', editable: '.w-e-text' },
  { name: 'wangeditor5', editable: '[data-slate-editor]' },
  { name: 'ueditor', frame: '#ueditor_0' },
];

/** Consoles with no editor library: a plain contenteditable, and a textarea holding the article's HTML source. */
export const PLAIN_EDITORS: readonly EditorFixture[] = [
  { name: 'contenteditable', editable: '#content' },
  { name: 'textarea', editable: '#content' },
];

export function editingRoot(page: Page, e: EditorFixture): Locator {
  return e.frame ? page.frameLocator(e.frame).locator('body') : page.locator(e.editable!);
}
