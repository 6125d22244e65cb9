// The first run's download in megabytes, as the build measured it from the files it serves
// (src/emit/first-run.ts, injected by the integration as `__FIRST_RUN_MB__`); null where the build
// had no Pyodide to measure, and the note then gives no figure.
declare const __FIRST_RUN_MB__: number | null | undefined;

export const FIRST_RUN_MB: number | null = typeof __FIRST_RUN_MB__ === 'number' ? __FIRST_RUN_MB__ : null;
