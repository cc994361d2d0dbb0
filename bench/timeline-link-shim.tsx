// The bench harness renders the timeline outside Next.js, where next/link has no router: a plain
// anchor stands in (the same element the real Link renders, without prefetching, which is off anyway).
import { forwardRef, type AnchorHTMLAttributes } from "react";

type Props = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; prefetch?: boolean };

const Link = forwardRef<HTMLAnchorElement, Props>(function Link({ prefetch: _prefetch, ...props }, ref) {
  return <a ref={ref} {...props} />;
});

export default Link;
