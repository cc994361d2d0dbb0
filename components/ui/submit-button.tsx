"use client";

import { Button, type ButtonProps } from "./button";
import { useHydrated } from "./use-hydrated";

/**
 * A form's submit button, disabled until the page's scripts run. Before then a submit (a click,
 * or Enter in a field) would be the browser's own: a GET to the page with every field in its URL,
 * where a password or a vendor secret would land in the history, proxy logs and the server's
 * access log. Disabled, it blocks both; the fields can still be typed in meanwhile. Its forms
 * also say `method="post"`, so that nothing ever sends them as a query string.
 */
export function SubmitButton({ disabled, ...props }: Omit<ButtonProps, "type">) {
  const hydrated = useHydrated();
  return <Button {...props} type="submit" disabled={!hydrated || disabled} />;
}
