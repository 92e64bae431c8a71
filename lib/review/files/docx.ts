/**
 * A Word 2007+ file (.docx) → HTML: mammoth keeps tables as tables, merged cells as colspan/rowspan,
 * so it is read like a page. Runs in Node (the CLI) and in the extension's panel (检查附件).
 */
export async function readDocx(bytes: Uint8Array): Promise<string> {
  try {
    const { default: mammoth } = await import('mammoth');
    // mammoth's Node build opens `buffer`, its browser build (the extension's 检查附件) `arrayBuffer`.
    const input = { buffer: bytes, arrayBuffer: bytes.slice().buffer } as unknown as { arrayBuffer: ArrayBuffer };
    const { value } = await mammoth.convertToHtml(input);
    return `<!doctype html><html><head><meta charset="utf-8"></head><body>${value}</body></html>`;
  } catch {
    throw new Error('Word 文件（.docx）已损坏或无法解析');
  }
}
