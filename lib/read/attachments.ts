/**
 * Links to a document file inside the text checked: many units publish the report as an attachment
 * and leave only its title and a link on the page. Read from any DOM (the page's, or the CLI's light
 * one) with a plain iterative walk.
 */

export interface Attachment {
  /** The link's text, or the file name when the link has none. */
  name: string;
  /** The href as written (relative to the page). */
  href: string;
}

const DOCUMENT = /\.(?:pdf|docx?|wps|ofd|rtf)(?:$|[?#])/i;

export function attachmentLinks(root: Node, limit = 20): Attachment[] {
  const found: Attachment[] = [];
  let n: Node | null = root.firstChild;
  while (n && found.length < limit) {
    if (n.nodeType === 1 && (n as Element).tagName.toUpperCase() === 'A') {
      const href = (n as Element).getAttribute('href')?.trim() ?? '';
      const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (DOCUMENT.test(href) || DOCUMENT.test(text)) {
        const file = decodeName(href.split(/[?#]/)[0]!.split('/').pop() ?? '');
        found.push({ name: text || file, href });
      }
    }
    if (n.firstChild) n = n.firstChild;
    else {
      while (n && n !== root && !n.nextSibling) n = n.parentNode;
      n = n && n !== root ? n.nextSibling : null;
    }
  }
  return found;
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
