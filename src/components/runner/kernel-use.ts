// Whether this reader has booted an interpreter on this site before: their browser then holds
// Pyodide and its snapshot, so later pages start the interpreter as they load (bootstrap.ts).

const KERNEL_USED_KEY = 'asyncio-guide:kernel-used';

export function rememberKernelUse(): void {
  try {
    localStorage.setItem(KERNEL_USED_KEY, '1');
  } catch {
    // Storage refused (private mode, quota): pages simply start their interpreter on the first click.
  }
}

export function usedKernelBefore(): boolean {
  try {
    return localStorage.getItem(KERNEL_USED_KEY) === '1';
  } catch {
    return false;
  }
}
