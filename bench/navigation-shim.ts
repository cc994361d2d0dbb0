// The bench harness renders list components outside Next.js, where next/navigation has no router:
// a router that does nothing stands in (the bench never navigates or refreshes).
const router = { refresh() {}, push() {}, replace() {}, back() {}, forward() {}, prefetch() {} };

export function useRouter() {
  return router;
}
