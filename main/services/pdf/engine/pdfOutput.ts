/**
 * pdfkit's output phaenText as text, the same bytes in far fewer pieces (issue 10, speed).
 *
 * pdfkit makes a Buffer of every operator it adds to a page's content stream (PDFReference.write:
 * `Buffer.from(op + '\n')`), some 60,000 for the 32-page sample plan, and of every piece of the file around
 * them (PDFDocument._write: each object's number, dictionary, `stream`, `endobj`, each line of the xref
 * table), which it also pushes through the document's stream one by one. Allocating and pushing those small
 * Buffers was about a sixth of the drawing pass. Here the text is appended to a string, and made one Buffer
 * when binary data comes next (a deflated stream, an embedded font) or the object or the file ends. pdfkit
 * writes these strings as 'binary' (one byte per UTF-16 code unit), and so does this: the file is unchanged.
 */
import { type PdfKitReference, pdfkit } from './internals.ts';

type Gathering = PdfKitReference & { phaenText?: string };

interface Output {
  _offset: number;
  phaenText?: string;
  push(chunk: unknown, encoding?: BufferEncoding): boolean;
}

let installed = false;

export function installTextOutput(): void {
  if (installed) return;
  installed = true;

  const reference = pdfkit.referencePrototype();
  const { write, finalize } = reference;
  const flushReference = (ref: Gathering): void => {
    if (!ref.phaenText) return;
    const text = ref.phaenText;
    ref.phaenText = '';
    write.call(ref, Buffer.from(text, 'latin1'));
  };
  reference.write = function (this: Gathering, chunk: unknown) {
    if (chunk instanceof Uint8Array) {
      flushReference(this);
      write.call(this, chunk);
    } else {
      this.phaenText = `${this.phaenText ?? ''}${String(chunk)}\n`;
    }
  };
  reference.finalize = function (this: Gathering) {
    flushReference(this);
    finalize.call(this);
  };

  // The document's own pieces: text is counted into the file offset (the xref table needs it) as it comes,
  // and pushed before whatever is pushed next, the end of the file (push(null)) included.
  const document = pdfkit.documentPrototype() as unknown as Output & { _write(data: unknown): void };
  const { push, _write } = document;
  document.push = function (this: Output, chunk, encoding) {
    if (this.phaenText) {
      const text = this.phaenText;
      this.phaenText = '';
      push.call(this, Buffer.from(text, 'latin1'));
    }
    return push.call(this, chunk, encoding);
  };
  document._write = function (this: Output, data: unknown) {
    if (Buffer.isBuffer(data)) return _write.call(this, data);
    const text = `${String(data)}\n`;
    this.phaenText = (this.phaenText ?? '') + text;
    this._offset += text.length;
  };
}
