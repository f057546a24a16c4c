/**
 * HarfBuzz (npm harfbuzzjs, MIT: the shaper of Chromium, Firefox and LibreOffice) as a WebAssembly module,
 * shaping text in font units for shaping.ts. Shaping was the largest single cost of an export, and fontkit's
 * JavaScript shaper takes about five times HarfBuzz's time per Thai word (README, Printing).
 *
 * Only the package's harfbuzz.wasm is used, instantiated here: its JavaScript entry instantiates the module
 * asynchronously as it is imported (top-level await), which neither pdfkit's synchronous font.layout nor the
 * command line's CommonJS snapshot bundle (cli/snapshot.ts) can wait for. The module needs five imports of
 * Emscripten's runtime, given below. One instance per thread (the CLI's main thread, the app's PDF worker, a
 * test file's worker), made at the first shaping.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The HarfBuzz functions used here, as harfbuzz.wasm exports them (pointers are byte offsets in its memory). */
interface Exports {
  readonly memory: WebAssembly.Memory;
  __wasm_call_ctors(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_font_create(face: number): number;
  hb_buffer_create(): number;
  hb_buffer_set_cluster_level(buffer: number, level: number): void;
  hb_buffer_clear_contents(buffer: number): void;
  hb_buffer_add_utf16(buffer: number, text: number, length: number, offset: number, itemLength: number): void;
  hb_buffer_guess_segment_properties(buffer: number): void;
  hb_shape(font: number, buffer: number, features: number, featureCount: number): void;
  hb_buffer_get_length(buffer: number): number;
  hb_buffer_get_glyph_infos(buffer: number, length: number): number;
  hb_buffer_get_glyph_positions(buffer: number, length: number): number;
}

// hb_memory_mode_t: HarfBuzz reads the font data where it was copied, never writes it.
const MEMORY_MODE_READONLY = 1;
// hb_buffer_cluster_level_t: each character its own cluster unless shaping joins them (a ligature, Thai's
// SARA AM reordered before a tone mark), clusters in order: shaping.ts gives each cluster's first glyph the
// cluster's code points, as fontkit does.
const CLUSTER_LEVEL_MONOTONE_CHARACTERS = 1;
// hb_glyph_info_t and hb_glyph_position_t are five 32-bit words each.
export const GLYPH_WORDS = 5;
const WASM_PAGE = 65536;

/** A shaped text, valid until the next shaping: per glyph, its id and cluster and its placement in font units. */
export interface Shaped {
  readonly length: number;
  /** Glyph i's id is words[info + 5i], its cluster (UTF-16 offset of its text) words[info + 5i + 2]. */
  readonly info: number;
  /** Glyph i's x advance, y advance, x offset, y offset: signed[position + 5i] … signed[position + 5i + 3]. */
  readonly position: number;
  readonly words: Uint32Array;
  readonly signed: Int32Array;
}

class HarfBuzz {
  private readonly exports: Exports;
  private readonly buffer: number;
  /** HarfBuzz's fonts by file (shaping.ts fontFileKey): a render parses its files anew, HarfBuzz needs each once. */
  private readonly fonts = new Map<string, number>();
  private text = { ptr: 0, capacity: 0 };
  private words: Uint32Array;
  private signed: Int32Array;
  private units: Uint16Array;

  constructor(wasm: Uint8Array<ArrayBuffer>) {
    // The module's memory, once it is instantiated (malloc grows it through emscripten_resize_heap).
    const memory = (): WebAssembly.Memory => this.exports.memory;
    const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), {
      env: {
        _abort_js: () => {
          throw new Error('HarfBuzz aborted');
        },
        _emscripten_runtime_keepalive_clear: () => {},
        // Emscripten's alarm() and setitimer(): HarfBuzz sets no timers.
        _setitimer_js: () => 0,
        // malloc asks for more memory: grow it (1 when done, 0 when the 2 GB the module allows are used up).
        emscripten_resize_heap: (requested: number) => {
          const pages = Math.ceil(((requested >>> 0) - memory().buffer.byteLength) / WASM_PAGE);
          try {
            memory().grow(Math.max(pages, 0));
            return 1;
          } catch {
            return 0;
          }
        },
      },
      wasi_snapshot_preview1: {
        proc_exit: (code: number) => {
          throw new Error(`HarfBuzz exited with ${code}`);
        },
      },
    });
    this.exports = instance.exports as unknown as Exports;
    this.exports.__wasm_call_ctors();
    this.words = new Uint32Array(memory().buffer);
    this.signed = new Int32Array(memory().buffer);
    this.units = new Uint16Array(memory().buffer);
    this.buffer = this.exports.hb_buffer_create();
    this.exports.hb_buffer_set_cluster_level(this.buffer, CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  }

  /** HarfBuzz's font for a font file, made at its first use: its bytes copied into the module's memory for good. */
  private font(key: string, data: Uint8Array): number {
    let font = this.fonts.get(key);
    if (font === undefined) {
      const ptr = this.exports.malloc(data.byteLength);
      this.heapBytes().set(data, ptr);
      const blob = this.exports.hb_blob_create(ptr, data.byteLength, MEMORY_MODE_READONLY, 0, 0);
      font = this.exports.hb_font_create(this.exports.hb_face_create(blob, 0));
      this.fonts.set(key, font);
    }
    return font;
  }

  /** Shape `text` (its first script decides how, as fontkit's does) with the font file `data`, known as `key`. */
  shape(key: string, data: Uint8Array, text: string): Shaped {
    const { exports, buffer } = this;
    const font = this.font(key, data);
    const ptr = this.utf16(text);
    exports.hb_buffer_clear_contents(buffer);
    exports.hb_buffer_add_utf16(buffer, ptr, text.length, 0, text.length);
    exports.hb_buffer_guess_segment_properties(buffer);
    exports.hb_shape(font, buffer, 0, 0);
    const info = exports.hb_buffer_get_glyph_infos(buffer, 0) >>> 2;
    const position = exports.hb_buffer_get_glyph_positions(buffer, 0) >>> 2;
    this.views();
    return { length: exports.hb_buffer_get_length(buffer), info, position, words: this.words, signed: this.signed };
  }

  /** `text` as UTF-16 in the module's memory, in a scratch area kept from one shaping to the next. */
  private utf16(text: string): number {
    if (text.length > this.text.capacity) {
      if (this.text.ptr) this.exports.free(this.text.ptr);
      const capacity = Math.max(64, text.length * 2);
      this.text = { ptr: this.exports.malloc(capacity * 2), capacity };
    }
    this.views();
    const { units } = this;
    const at = this.text.ptr >>> 1;
    for (let i = 0; i < text.length; i++) units[at + i] = text.charCodeAt(i);
    return this.text.ptr;
  }

  private heapBytes(): Uint8Array {
    return new Uint8Array(this.exports.memory.buffer);
  }

  /** The views over the module's memory, made anew when it grew (growing replaces its ArrayBuffer). */
  private views(): void {
    if (this.words.buffer !== this.exports.memory.buffer) {
      this.words = new Uint32Array(this.exports.memory.buffer);
      this.signed = new Int32Array(this.exports.memory.buffer);
      this.units = new Uint16Array(this.exports.memory.buffer);
    }
  }
}

let harfBuzz: HarfBuzz | null = null;

/**
 * Whether this thread can shape with HarfBuzz: everywhere but in Node building a startup snapshot, which has
 * no WebAssembly (the command line's snapshot rehearses a render, cli/snapshot.ts: it shapes with fontkit, to
 * the same widths and code points, and the snapshot's runs shape with HarfBuzz). Asked at every shaping: once
 * HarfBuzz is there, without looking the global up.
 */
export const harfBuzzHere = (): boolean => harfBuzz !== null || typeof WebAssembly === 'object';

/** Shape with this thread's HarfBuzz, instantiated at the first call (a few milliseconds: V8 compiles wasm lazily). */
export function shapeText(key: string, data: Uint8Array, text: string): Shaped {
  harfBuzz ??= new HarfBuzz(readFileSync(wasmFile()));
  return harfBuzz.shape(key, data, text);
}

/**
 * harfbuzz.wasm in the nearest node_modules above this module, as Node finds packages: from the source tree,
 * the bundle (out/main) or the packaged app's asar. Looked up by hand: require.resolve, which reads the
 * package.json files on the way, takes several milliseconds of the command line's first layout.
 */
function wasmFile(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', 'harfbuzzjs', 'dist', 'harfbuzz.wasm');
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) throw new Error('harfbuzzjs/dist/harfbuzz.wasm not found: npm install');
  }
}
