/** Retries an idempotent storage call a bounded number of times with a short back-off. */
export async function withRetry<T>(operation: () => Promise<T>, delays: readonly number[] = [50, 250]): Promise<T> {
  for (const delay of delays) {
    try {
      return await operation();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  return operation();
}
