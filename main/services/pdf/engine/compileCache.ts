/**
 * Node's on-disk cache of compiled code for this thread (node:module enableCompileCache, in the system's
 * temporary folder): the PDF worker compiles some 3 MB of pdfkit, fontkit and pdfmake each time it starts,
 * about a tenth of a plan's export, and every export after the first reads that code compiled instead.
 * Imported first by the worker's entry so that it is on before the engine's modules load; a Node without
 * it (older than 22.1) just compiles as before.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache?.();
