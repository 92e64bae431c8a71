/** Copies a snippet as HTML and as plain text, for clerks who paste into Word or an editor without the extension. */
export async function copySnippet(html: string, text: string): Promise<void> {
  if (typeof ClipboardItem === 'function' && navigator.clipboard?.write) {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      }),
    ]);
    return;
  }
  await navigator.clipboard.writeText(text);
}
