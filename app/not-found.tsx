export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        It may have been removed, or the link is wrong.
      </p>
      {/* A plain link: next/link here adds its client code to the first load of every route. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see the line above */}
      <a href="/" className="mt-4 inline-block text-sky-700 underline dark:text-sky-400">
        Back to the overview
      </a>
    </main>
  );
}
