/**
 * Saves text as a file through a Blob link: works the same in Electron and in the browser.
 * `bom` puts a UTF-8 byte-order mark first so spreadsheet programs read the text as UTF-8.
 */
export function downloadText(
  filename: string,
  text: string,
  { bom = false, type = 'text/csv;charset=utf-8' }: { bom?: boolean; type?: string } = {},
): void {
  const url = URL.createObjectURL(new Blob(bom ? ['\uFEFF', text] : [text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
