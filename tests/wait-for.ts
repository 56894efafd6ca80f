// Tests wait for a condition, never for a number of milliseconds: on a loaded machine work takes
// longer, and a test that slept a fixed time then expected it done fails without a defect.

/** Resolves once `condition` holds; fails after `timeoutMs` saying what it waited for. */
export async function waitFor(what: string, condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
