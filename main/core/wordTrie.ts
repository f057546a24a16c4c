/**
 * Thai words and their costs in a trie of four typed arrays (ThaiLexicon's storage, thaiLexicon.ts).
 *
 * Why not a Map of words: the shipped lexicon is 59,000 words, and `phaen pdf` starts from a V8 startup
 * snapshot (main/cli/snapshot.ts) that holds it. As a Map it was 180,000 heap objects (keys, boxed costs, the
 * table, the file's text the keys were sliced from) that every run deserialised and rehashed: about 20 ms and
 * 5 MB of the snapshot. These arrays are 1.5 MB read back as four blocks. The segmenter also walks the trie
 * along the text (`child`) instead of slicing a string for every candidate word and hashing it.
 *
 * Layout: nodes are numbered breadth first, so the children of node n are the nodes first[n] … first[n+1]-1,
 * in the order of their letters. label[n] is the letter leading into n (its code minus U+0E00: words are of
 * Thai letters only, U+0E01–U+0E4E); a word ends at n when costIndex[n] > 0, with cost costs[costIndex[n]-1]
 * (a word list has a few thousand distinct corpus counts, so a small index instead of a double per node).
 *
 * Pure: no Node or DOM imports.
 */
const THAI_BLOCK = 0x0e00;

/** The root: the empty prefix. */
export const TRIE_ROOT = 0;

/** The trie's arrays (see the layout above), to store and read back as they are. */
export interface WordTrieArrays {
  readonly first: Int32Array;
  readonly label: Uint8Array;
  readonly costIndex: Uint16Array | Uint32Array;
  readonly costs: Float64Array;
}

export class WordTrie {
  private readonly first: Int32Array;
  private readonly label: Uint8Array;
  private readonly costIndex: Uint16Array | Uint32Array;
  private readonly costs: Float64Array;
  /** Number of words. */
  readonly size: number;

  private constructor(
    first: Int32Array,
    label: Uint8Array,
    costIndex: Uint16Array | Uint32Array,
    costs: Float64Array,
    size: number,
  ) {
    this.first = first;
    this.label = label;
    this.costIndex = costIndex;
    this.costs = costs;
    this.size = size;
  }

  /** The trie of these words (distinct strings of Thai letters) with their costs. */
  static build(entries: Iterable<readonly [string, number]>): WordTrie {
    // By UTF-16 code units, as the trie orders siblings.
    const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const n = sorted.length;
    const words = sorted.map(([word]) => word);
    let nodes = 1;
    const palette = new Map<number, number>();
    for (const [word, cost] of sorted) {
      nodes += word.length; // an upper bound; the arrays are cut to size below
      if (!palette.has(cost)) palette.set(cost, palette.size + 1);
    }
    const label = new Uint8Array(nodes);
    const parent = new Int32Array(nodes);
    const costIndex = palette.size < 0xffff ? new Uint16Array(nodes) : new Uint32Array(nodes);
    // Level by level: the words' prefixes of length d are sorted like the words, so equal ones are adjacent and
    // each parent's children come together, in the parents' order. `active` are the words longer than d - 1,
    // `nodeOf` each one's node at the previous level (the root at first).
    let active = Int32Array.from(words.keys());
    const nodeOf = new Int32Array(n);
    let next = 1;
    for (let d = 1; active.length > 0; d++) {
      let lastParent = -1;
      let lastLetter = -1;
      let longer = 0;
      for (const w of active) {
        const word = words[w] as string;
        const from = nodeOf[w] as number;
        const letter = word.charCodeAt(d - 1) - THAI_BLOCK;
        if (from !== lastParent || letter !== lastLetter) {
          label[next] = letter;
          parent[next] = from;
          next++;
          lastParent = from;
          lastLetter = letter;
        }
        nodeOf[w] = next - 1;
        if (word.length === d) costIndex[next - 1] = palette.get((sorted[w] as readonly [string, number])[1]) as number;
        else active[longer++] = w;
      }
      active = active.subarray(0, longer);
    }
    // Breadth first, children of lower nodes first: node k's children start after those of nodes 0 … k-1.
    const first = new Int32Array(next + 1);
    for (let k = 1; k < next; k++) {
      const p = (parent[k] as number) + 1;
      first[p] = (first[p] as number) + 1;
    }
    first[0] = 1;
    for (let k = 1; k <= next; k++) first[k] = (first[k] as number) + (first[k - 1] as number);
    return new WordTrie(first, label.slice(0, next), costIndex.slice(0, next), Float64Array.from(palette.keys()), n);
  }

  /** The trie of arrays `arrays` gave; its words are counted again. */
  static fromArrays({ first, label, costIndex, costs }: WordTrieArrays): WordTrie {
    const nodes = label.length;
    if (first.length !== nodes + 1 || costIndex.length !== nodes) throw new Error('not the arrays of a word trie');
    let size = 0;
    for (let n = 0; n < nodes; n++) if ((costIndex[n] as number) > 0) size++;
    return new WordTrie(first, label, costIndex, costs, size);
  }

  arrays(): WordTrieArrays {
    return { first: this.first, label: this.label, costIndex: this.costIndex, costs: this.costs };
  }

  /** The node after `node` and the character `code`, or -1 when no word goes on that way. */
  child(node: number, code: number): number {
    const letter = code - THAI_BLOCK;
    const end = this.first[node + 1] as number;
    for (let k = this.first[node] as number; k < end; k++) {
      const l = this.label[k] as number;
      if (l === letter) return k;
      if (l > letter) return -1; // siblings are in the order of their letters
    }
    return -1;
  }

  /** The cost of the word ending at `node`, or undefined when none does. */
  costAt(node: number): number | undefined {
    const index = this.costIndex[node] as number;
    return index === 0 ? undefined : this.costs[index - 1];
  }

  /** The word's cost, or undefined when it is not in the trie. */
  cost(word: string): number | undefined {
    let node = TRIE_ROOT;
    for (let i = 0; i < word.length && node >= 0; i++) node = this.child(node, word.charCodeAt(i));
    return node < 0 ? undefined : this.costAt(node);
  }
}
