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

/** Hosts of one site: the same name, or the same last three labels under a two-level suffix such as gov.cn. */
export function sameSite(a: string, b: string): boolean {
  if (a === b) return true;
  const site = (h: string) => {
    const labels = h.split('.');
    const keep = /^(?:gov|com|net|org|edu)\.[a-z]{2}$/.test(labels.slice(-2).join('.')) ? 3 : 2;
    return labels.slice(-keep).join('.');
  };
  return site(a) === site(b);
}

/**
 * A web page's attachment as an absolute address on the page's own site (its host, or a host of the
 * same site under gov.cn), null for any other host or scheme: the only file that may be fetched for it.
 * A page that was redirected resolves its links from where it ended up (`at`), but the site is
 * still the page's own.
 */
export function attachmentUrl(page: string, href: string, at = page): string | null {
  let url: URL;
  let from: URL;
  try {
    from = new URL(page);
    url = new URL(href, at);
  } catch {
    return null;
  }
  return /^https?:$/.test(url.protocol) && sameSite(from.hostname, url.hostname) ? url.href : null;
}
