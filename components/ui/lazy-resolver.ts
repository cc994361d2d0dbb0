import type { FieldValues, Resolver } from "react-hook-form";

/**
 * A react-hook-form resolver loaded on first validation (usually the first submit), so that a page
 * whose form is visible at once does not download zod with its first load. Create it once, at
 * module level: the loaded resolver is kept in the closure.
 */
export function lazyResolver<TFieldValues extends FieldValues, TContext, TTransformedValues>(
  load: () => Promise<Resolver<TFieldValues, TContext, TTransformedValues>>,
): Resolver<TFieldValues, TContext, TTransformedValues> {
  let loading: Promise<Resolver<TFieldValues, TContext, TTransformedValues>> | undefined;
  return async (values, context, options) => {
    loading ??= load();
    try {
      return await (
        await loading
      )(values, context, options);
    } catch (error) {
      loading = undefined; // a failed chunk load is retried on the next validation
      throw error;
    }
  };
}
