import { Alert } from "./alert";

/** Says plainly that a feature is not there yet, instead of showing made-up data. */
export function NotBuiltYet({ feature, plan }: { feature: string; plan: string }) {
  return (
    <Alert tone="info" title={`${feature} is not built yet`}>
      {plan}
    </Alert>
  );
}
