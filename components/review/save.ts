/** Files leave the panel as Blob URLs: a download or a page to print, never a request. */

/** Saves text as a file through an <a download> (the browser's own download, no network). */
export function saveFile(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the Blob by the next task; keep it a while for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Opens a page in a new tab and, once loaded, the browser's print dialog for it. */
export function printPage(html: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const win = window.open(url, '_blank');
  if (!win) {
    URL.revokeObjectURL(url);
    return;
  }
  win.addEventListener('load', () => win.print(), { once: true });
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
