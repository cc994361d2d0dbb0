/** Reading every application's credentials takes a few UiPath calls per connection. */
export default function Loading() {
  return (
    <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
      Reading external applications and their federated credentials from UiPath…
    </p>
  );
}
