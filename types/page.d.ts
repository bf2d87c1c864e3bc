// Globals the page scripts share or receive from the theme. Type declarations only: not part of the site.

/** Material for MkDocs' observable of page loads: emits on the first load and on every instant navigation. */
interface MaterialDocumentObservable {
  subscribe(next: (document: Document) => void): unknown;
}

/** The bridge to the shared Python worker (calculators.js); resolves with the parsed JSON result. */
interface HandbookPython {
  call(type: string, request: object): Promise<any>;
}

interface Window {
  document$?: MaterialDocumentObservable;
  handbookPython?: HandbookPython;
  /** The service worker's helper (offline.js): settles once the page is controlled (or never will be). */
  handbookOffline?: { ready: Promise<void> };
  /** Timings the benchmark and tests read (milliseconds since navigation start). */
  calculatorsTiming?: Record<string, number>;
}
