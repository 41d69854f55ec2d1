/**
 * D1's documented transient errors (developers.cloudflare.com/d1/best-practices/retry-queries):
 * only these are worth a second try. A constraint violation or a bad statement fails the same
 * way every time, so it is never retried.
 */
const TRANSIENT = ['Network connection lost', 'storage caused object to be reset', 'reset because its code was updated'];

export const isTransientD1Error = (error: unknown) => {
  const message = String(error instanceof Error ? error.message : error);
  return TRANSIENT.some((text) => message.includes(text));
};

/** Retries an idempotent storage call after a transient error, a bounded number of times with a short, jittered back-off. */
export async function withRetry<T>(operation: () => Promise<T>, delays: readonly number[] = [50, 250]): Promise<T> {
  for (const delay of delays) {
    try {
      return await operation();
    } catch (error) {
      if (!isTransientD1Error(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay * (0.5 + Math.random())));
    }
  }
  return operation();
}
