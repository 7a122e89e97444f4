/** Saves text as a file through the browser's own download, with no server involved. */
export function downloadText(fileName: string, text: string, type = 'text/markdown;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns; revoke a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
