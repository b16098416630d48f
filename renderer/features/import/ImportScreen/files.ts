// Browser file helpers: a chosen file as base64 (for the contract), and saving a text as a download.
export function fileToBase64(f: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onerror = () => reject(r.error);
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.readAsDataURL(f);
  });
}

export function saveText(name: string, content: string, type = 'text/csv;charset=utf-8'): void {
  // A BOM so that Excel opens the UTF-8 file with its accents.
  const url = URL.createObjectURL(new Blob(['\ufeff', content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
