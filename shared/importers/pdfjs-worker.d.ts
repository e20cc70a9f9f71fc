// pdf.js's worker module ships without typings. Importing it puts its
// message handler on `globalThis.pdfjsWorker`, where pdf.js looks for it
// before trying to start a worker of its own.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
