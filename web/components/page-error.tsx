/** A problem with the whole page (storage down, say), announced at once and shown above the form. */
export function PageError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div class="notice notice--warning" role="alert">
      {message}
    </div>
  );
}
