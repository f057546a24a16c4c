/**
 * `phaen pdf` from a V8 startup snapshot: the entry that `npm run build` bundles into one script
 * (out/main/cliSnapshot.cjs) and runs once with `node --build-snapshot` (scripts/cli-snapshot.mjs);
 * bin/phaen.mjs starts `phaen pdf` from that snapshot when it was made by the same Node.
 *
 * Started the ordinary way, `phaen pdf` spends its first second loading code before any page is laid out:
 * pdfmake, pdfkit and fontkit (whose Unicode tables are inflated as they load) in the PDF worker, zod's
 * schemas, i18next and the document builders on the main thread; then the fonts are parsed, the lexicon
 * built, and the first layout runs on code not yet compiled. The snapshot is the heap after all of that,
 * read back in some tens of milliseconds. Workers cannot start from it (Node starts them from its own
 * snapshot), so the pages are typeset on the main thread (services/pdf/renderHere.ts), which a command line
 * can afford: it has no screen to keep responsive.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startupSnapshot } from 'node:v8';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildDocument } from '../core/pdf/index.ts';
import { CHAPTERS } from '../core/pdf/options.ts';
import { prepareRenderHere, rehearseRender, renderPdfHere } from '../services/pdf/renderHere.ts';
import { translator } from '../services/locales.ts';
import { planSourceFromFile } from '../services/pdf/source.ts';
import { parsePlanFile } from '../services/planFile.ts';
import { installThaiLexicon } from '../services/thaiLexicon.ts';
import { cliContext, type CliIo } from './command.ts';
import { documentCommand } from './document.ts';
import { pdfFormatWith } from './pdf.ts';

const pdfCommand = documentCommand(pdfFormatWith({ prepare: prepareRenderHere, render: renderPdfHere }));

/** resources/ as bin/phaen.mjs finds it, from that script's path. */
const resourcesOf = (bin: string) => fileURLToPath(new URL('../resources', pathToFileURL(bin)));

// Made into the snapshot: the shipped lexicon and the fonts of this build's resources (out/main is two levels
// below the project), and the engine's code compiled by rendering the shipped sample plan once (all but its
// code forgotten: renderHere.ts rehearseRender). A run with other resources or users' words loads its own.
const resources = fileURLToPath(new URL('../../resources', import.meta.url));
const fontsDir = join(resources, 'fonts');
installThaiLexicon(resources);
const sample = join(resources, 'sample', 'bma-pr-2566-2570.plan.json');
const built = buildDocument('plan', {
  source: planSourceFromFile(parsePlanFile(readFileSync(sample, 'utf8')), resources),
  options: { language: 'th', thaiDigits: false, chapters: CHAPTERS, date: '2022-10-01' },
  t: translator(resources, 'th'),
});
let rehearsed = false;
void rehearseRender(built.doc, { fontsDir, numbering: built.numbering }).then(() => {
  rehearsed = true;
});
// Node takes the snapshot once the event loop is empty, that is after the rehearsal.
startupSnapshot.addSerializeCallback(() => {
  if (!rehearsed) throw new Error('cli/snapshot.ts: the rehearsal render did not finish');
});

startupSnapshot.setDeserializeMainFunction(() => {
  // node --snapshot-blob <blob> <bin/phaen.mjs> pdf <args>
  const [, bin = '', , ...args] = process.argv;
  const io: CliIo = {
    resourcesDir: resourcesOf(bin),
    stdout: (line) => console.log(line),
    stderr: (line) => console.error(line),
  };
  void pdfCommand.run(args, cliContext(io)).then((code) => {
    process.exitCode = code;
  });
});
